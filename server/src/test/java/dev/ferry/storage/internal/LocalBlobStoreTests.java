package dev.ferry.storage.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Stream;

import dev.ferry.storage.spi.ObjectUpload;
import dev.ferry.storage.spi.StoredObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalBlobStoreTests {

	@TempDir
	Path root;

	@Test
	void anObjectIsInvisibleUntilCommittedAndThenReadableAtAnyPosition() throws IOException {
		LocalBlobStore store = new LocalBlobStore(root);
		try (ObjectUpload upload = store.upload("a/b/object")) {
			upload.channel().write(ByteBuffer.wrap("hello, world".getBytes()));
			assertThatThrownBy(() -> store.size("a/b/object")).isInstanceOf(NoSuchFileException.class);
			assertThat(upload.commit()).isEqualTo(12);
		}
		assertThat(store.size("a/b/object")).isEqualTo(12);
		try (SeekableByteChannel channel = store.open("a/b/object")) {
			ByteBuffer world = ByteBuffer.allocate(5);
			channel.position(7).read(world);
			assertThat(new String(world.array())).isEqualTo("world");
		}
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("a/b/object"))))
			.isEqualTo("rw-------");
	}

	@Test
	void closingWithoutCommitLeavesNoFile() throws IOException {
		LocalBlobStore store = new LocalBlobStore(root);
		try (ObjectUpload upload = store.upload("a/object")) {
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
	void listsCommittedObjectsByPrefixAndPurgesOnlyOldIncompleteUploads() throws IOException {
		LocalBlobStore store = new LocalBlobStore(root);
		store.put("parts/ab/1", new ByteArrayInputStream(new byte[3]));
		store.put("parts/ab/2", new ByteArrayInputStream(new byte[4]));
		store.put("parts/cd/3", new ByteArrayInputStream(new byte[5]));
		store.put("other/4", new ByteArrayInputStream(new byte[6]));
		ObjectUpload unfinished = store.upload("parts/ab/5");
		ObjectUpload crashed = store.upload("parts/cd/6");
		Path crashedTemp;
		try (Stream<Path> files = Files.walk(root.resolve("parts/cd"))) {
			crashedTemp = files.filter((path) -> path.getFileName().toString().endsWith(".tmp"))
				.findFirst()
				.orElseThrow();
		}
		Files.setLastModifiedTime(crashedTemp, FileTime.from(Instant.now().minusSeconds(7200)));

		try (Stream<StoredObject> parts = store.list("parts/")) {
			assertThat(parts.map(StoredObject::key)).containsExactlyInAnyOrder("parts/ab/1", "parts/ab/2",
					"parts/cd/3");
		}
		try (Stream<StoredObject> ab = store.list("parts/ab/")) {
			assertThat(ab.map(StoredObject::size)).containsExactlyInAnyOrder(3L, 4L);
		}
		try (Stream<StoredObject> none = store.list("nothing/here")) {
			assertThat(none).isEmpty();
		}

		assertThat(store.purgeIncomplete(Instant.now().minusSeconds(3600))).isEqualTo(1);
		assertThat(crashedTemp).doesNotExist();
		unfinished.channel().write(ByteBuffer.wrap(new byte[7]));
		assertThat(unfinished.commit()).isEqualTo(7);
		crashed.close();
	}

	@Test
	void keysCannotEscapeTheRootOrLookLikeTempFiles() {
		LocalBlobStore store = new LocalBlobStore(root);
		for (String key : new String[] { "../outside", "a/../../outside", "/absolute", ".hidden", "a//b", "a/x.tmp",
				"" }) {
			assertThatThrownBy(() -> store.upload(key)).as(key).isInstanceOf(IllegalArgumentException.class);
			assertThatThrownBy(() -> store.open(key)).as(key).isInstanceOf(IllegalArgumentException.class);
		}
	}

}
