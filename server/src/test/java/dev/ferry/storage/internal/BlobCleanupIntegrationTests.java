package dev.ferry.storage.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import dev.ferry.storage.BlobStorage;
import dev.ferry.storage.PendingPart;
import dev.ferry.storage.spi.BlobStore;
import dev.ferry.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class BlobCleanupIntegrationTests extends IntegrationTest {

	@Autowired
	BlobStorage storage;

	@Autowired
	BlobStore store;

	@Autowired
	BlobRepository blobs;

	@Autowired
	BlobCleanup cleanup;

	@Test
	void removesCrashLeftoversButKeepsLiveDataAndRecentUploads() throws IOException {
		UUID live = storage.create();
		byte[] content = EncryptedBlobStorageIntegrationTests.random(70_000, 11);
		try (PendingPart part = storage.beginPart(live, 0)) {
			part.stream().write(content);
			part.commit();
		}
		String orphanKey = EncryptedBlobStorage.storeKey(live, 1);
		store.put(orphanKey, new ByteArrayInputStream(new byte[] { 1, 2, 3 }));
		Path staleTemp = crashedUpload(live, Instant.now().minusSeconds(7200));
		Path recentTemp = crashedUpload(live, Instant.now());

		cleanup.run(Instant.now().minusSeconds(3600), Instant.now().minus(Duration.ofDays(1)), Instant.now());
		assertThat(staleTemp).doesNotExist();
		assertThat(recentTemp).exists();
		assertThat(store.size(orphanKey)).isEqualTo(3);

		Files.setLastModifiedTime(DATA_DIR.resolve("blobs").resolve(orphanKey),
				FileTime.from(Instant.now().minusSeconds(7200)));
		cleanup.run(Instant.now().minusSeconds(3600), Instant.now().minus(Duration.ofDays(1)), Instant.now());
		assertThat(DATA_DIR.resolve("blobs").resolve(orphanKey)).doesNotExist();
		assertThat(EncryptedBlobStorageIntegrationTests.objectsOf(live)).hasSize(1);
		try (InputStream in = storage.openRange(live, 0, content.length)) {
			assertThat(in.readAllBytes()).isEqualTo(content);
		}
		Files.delete(recentTemp);
	}

	@Test
	void finishesDestroyingBlobsWhosePartsOutlivedTheirKey() throws IOException {
		UUID blob = storage.create();
		try (PendingPart part = storage.beginPart(blob, 0)) {
			part.stream().write(new byte[1000]);
			part.commit();
		}
		assertThat(blobs.shred(blob, System.currentTimeMillis())).isTrue();
		assertThat(EncryptedBlobStorageIntegrationTests.objectsOf(blob)).hasSize(1);

		cleanup.run(Instant.now().minusSeconds(3600), Instant.now().minus(Duration.ofDays(1)), Instant.now());

		assertThat(EncryptedBlobStorageIntegrationTests.filesOf(blob)).isEmpty();
		assertThat(blobs.exists(blob)).isFalse();
	}

	/** The temp file of an upload that was never committed or closed: a crashed node. */
	private static Path crashedUpload(UUID blob, Instant modified) throws IOException {
		Path target = DATA_DIR.resolve("blobs").resolve(EncryptedBlobStorage.storeKey(blob, 9));
		Path temp = Files.write(LocalBlobStore.tempFor(target), new byte[] { 4, 5, 6 });
		Files.setLastModifiedTime(temp, FileTime.from(modified));
		return temp;
	}

}
