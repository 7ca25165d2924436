package dev.ferry.storage.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.ferry.crypto.SealedValues;
import dev.ferry.storage.BlobConflictException;
import dev.ferry.storage.PendingPart;
import dev.ferry.testing.Databases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The storage SQL on every supported database vendor. */
class BlobStorageVendorTests {

	@ParameterizedTest
	@EnumSource(Databases.Vendor.class)
	void writesReadsAndFindsOverlappingParts(Databases.Vendor vendor) throws IOException {
		try (StorageFixture fixture = new StorageFixture(vendor)) {
			byte[] content = EncryptedBlobStorageIntegrationTests.random(3000, 30);
			UUID blob = fixture.storage.create();
			for (int offset = 0; offset < 3000; offset += 1000) {
				append(fixture, blob, content, offset, offset + 1000);
			}
			assertThat(fixture.blobs.partsOverlapping(blob, 999, 2001)).extracting(BlobRepository.Part::index)
				.containsExactly(0, 1, 2);
			assertThat(fixture.blobs.partsOverlapping(blob, 1000, 2000)).extracting(BlobRepository.Part::index)
				.containsExactly(1);
			try (InputStream in = fixture.storage.openRange(blob, 500, 2500)) {
				assertThat(in.readAllBytes()).isEqualTo(Arrays.copyOfRange(content, 500, 2500));
			}
			String key = fixture.blobs.parts(blob).get(0).storeKey();
			assertThat(fixture.blobs.isReferenced(key)).isTrue();
			assertThat(fixture.blobs.isReferenced(key + "x")).isFalse();
		}
	}

	@ParameterizedTest
	@EnumSource(Databases.Vendor.class)
	void ofTwoConcurrentCommitsAtOneOffsetOneWins(Databases.Vendor vendor) throws Exception {
		try (StorageFixture fixture = new StorageFixture(vendor)) {
			UUID blob = fixture.storage.create();
			CountDownLatch written = new CountDownLatch(2);
			ExecutorService pool = Executors.newFixedThreadPool(2);
			try {
				List<Future<Long>> results = pool.invokeAll(
						List.of(() -> write(fixture, blob, 10, written), () -> write(fixture, blob, 20, written)));
				long wins = 0;
				long conflicts = 0;
				for (Future<Long> result : results) {
					try {
						wins += (result.get() > 0) ? 1 : 0;
					}
					catch (ExecutionException ex) {
						conflicts += (ex.getCause() instanceof BlobConflictException) ? 1 : 0;
					}
				}
				assertThat(wins).isOne();
				assertThat(conflicts).isOne();
				assertThat(fixture.blobs.parts(blob)).hasSize(1);
			}
			finally {
				pool.shutdownNow();
			}
		}
	}

	@ParameterizedTest
	@EnumSource(Databases.Vendor.class)
	void rewrapsAfterRotationAndShredsOnDestroy(Databases.Vendor vendor) throws IOException {
		try (StorageFixture fixture = new StorageFixture(vendor)) {
			byte[] content = EncryptedBlobStorageIntegrationTests.random(100, 31);
			UUID kept = fixture.storage.create();
			append(fixture, kept, content, 0, 100);
			UUID destroyed = fixture.storage.create();
			append(fixture, destroyed, content, 0, 100);
			assertThat(fixture.blobs.shred(destroyed, System.currentTimeMillis())).isTrue();
			assertThat(fixture.blobs.shredded(10)).containsExactly(destroyed);

			int primary = fixture.kek.rotate();
			assertThat(fixture.keys.resealAll()).isEqualTo(new SealedValues.Resealed(1, 0));

			assertThat(fixture.kek.keyIdOf(fixture.blobs.find(kept).orElseThrow().wrappedKey())).isEqualTo(primary);
			assertThat(fixture.blobs.wrappedByOtherThan(primary, "", 10)).isEmpty();
			fixture.keys.forget(kept);
			try (InputStream in = fixture.storage.openRange(kept, 0, 100)) {
				assertThat(in.readAllBytes()).isEqualTo(content);
			}
			assertThat(fixture.storage.shredder().purge(destroyed)).isTrue();
			assertThat(fixture.blobs.exists(destroyed)).isFalse();
		}
	}

	private static long write(StorageFixture fixture, UUID blob, int size, CountDownLatch written)
			throws IOException, InterruptedException {
		try (PendingPart part = fixture.storage.beginPart(blob, 0)) {
			part.stream().write(new byte[size]);
			written.countDown();
			written.await();
			return part.commit();
		}
	}

	private static void append(StorageFixture fixture, UUID blob, byte[] content, int from, int to) throws IOException {
		try (PendingPart part = fixture.storage.beginPart(blob, from)) {
			part.stream().write(content, from, to - from);
			assertThat(part.commit()).isEqualTo(to);
		}
	}

}
