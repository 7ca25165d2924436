package dev.ferry.storage.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Stream;

import dev.ferry.storage.spi.BlobStore;
import dev.ferry.storage.spi.ObjectUpload;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The store contract on a local directory, plus what only a local disk can do. */
class LocalBlobStoreTests extends BlobStoreContract {

	@TempDir
	Path root;

	@Override
	BlobStore store() {
		return new LocalBlobStore(root);
	}

	@Test
	void objectsAreReadableOnlyByTheOwner() throws IOException {
		store().put("a/b/object", new ByteArrayInputStream(new byte[12]));
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("a/b/object"))))
			.isEqualTo("rw-------");
	}

	@Test
	void closingWithoutCommitLeavesNoFile() throws IOException {
		try (ObjectUpload upload = store().upload("a/object")) {
			upload.channel().write(ByteBuffer.wrap(new byte[100]));
		}
		try (Stream<Path> files = Files.walk(root)) {
			assertThat(files.filter(Files::isRegularFile)).isEmpty();
		}
	}

	@Test
	void overwritingDeleteZeroesTheBytesBeforeUnlinking() throws IOException {
		LocalBlobStore store = new LocalBlobStore(root);
		byte[] content = new byte[200_000];
		Arrays.fill(content, (byte) 0x5a);
		store.put("x/secret", new ByteArrayInputStream(content));
		try (SeekableByteChannel stillOpen = store.open("x/secret")) {
			store.delete("x/secret", true);

			ByteBuffer after = ByteBuffer.allocate(content.length);
			while (after.hasRemaining() && stillOpen.read(after) > 0) {
			}
			assertThat(after.position()).isEqualTo(content.length);
			assertThat(after.array()).containsOnly((byte) 0);
		}
		assertThat(root.resolve("x")).doesNotExist();
		store.delete("x/secret", true);
	}

	@Test
	void purgesTheTempFileOfACrashedUploadByItsAge() throws IOException {
		LocalBlobStore store = new LocalBlobStore(root);
		ObjectUpload unfinished = store.upload("parts/ab/5");
		ObjectUpload crashed = store.upload("parts/cd/6");
		Path crashedTemp;
		try (Stream<Path> files = Files.walk(root.resolve("parts/cd"))) {
			crashedTemp = files.filter((path) -> path.getFileName().toString().endsWith(".tmp"))
				.findFirst()
				.orElseThrow();
		}
		Files.setLastModifiedTime(crashedTemp, FileTime.from(Instant.now().minusSeconds(7200)));

		assertThat(store.purgeIncomplete(Instant.now().minusSeconds(3600))).isEqualTo(1);
		assertThat(crashedTemp).doesNotExist();
		unfinished.channel().write(ByteBuffer.wrap(new byte[7]));
		assertThat(unfinished.commit()).isEqualTo(7);
		crashed.close();
	}

}
