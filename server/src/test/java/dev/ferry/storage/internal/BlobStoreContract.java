package dev.ferry.storage.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.NoSuchFileException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;

import dev.ferry.storage.spi.BlobStore;
import dev.ferry.storage.spi.ObjectUpload;
import dev.ferry.storage.spi.StoredObject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link BlobStore} must do, run against each implementation: the local
 * directory and a real S3 server.
 */
abstract class BlobStoreContract {

	/** A store over an empty root (directory or bucket) of its own. */
	abstract BlobStore store() throws IOException;

	@Test
	void anObjectIsInvisibleUntilCommittedAndThenReadableAtAnyPosition() throws IOException {
		BlobStore store = store();
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
			assertThat(channel.size()).isEqualTo(12);
		}
	}

	@Test
	void writesOfAnySizeAddUpToTheObjectReadBackAtRandomPositions() throws IOException {
		BlobStore store = store();
		byte[] content = new byte[11 * 1024 * 1024 + 17];
		Random random = new Random(7);
		random.nextBytes(content);
		try (ObjectUpload upload = store.upload("big/object")) {
			for (int offset = 0; offset < content.length;) {
				int n = Math.min(content.length - offset, 1 + random.nextInt(700_000));
				ByteBuffer chunk = ByteBuffer.wrap(content, offset, n);
				while (chunk.hasRemaining()) {
					upload.channel().write(chunk);
				}
				offset += n;
			}
			assertThat(upload.commit()).isEqualTo(content.length);
		}
		assertThat(store.size("big/object")).isEqualTo(content.length);
		try (SeekableByteChannel channel = store.open("big/object")) {
			for (int i = 0; i < 20; i++) {
				int start = random.nextInt(content.length);
				int length = Math.min(content.length - start, 1 + random.nextInt(200_000));
				assertThat(readAt(channel, start, length)).as("bytes %d+%d", start, length)
					.isEqualTo(Arrays.copyOfRange(content, start, start + length));
			}
			assertThat(readAt(channel, 0, content.length)).isEqualTo(content);
			assertThat(channel.position(content.length).read(ByteBuffer.allocate(1))).isEqualTo(-1);
		}
	}

	@Test
	void closingWithoutCommitLeavesNoObject() throws IOException {
		BlobStore store = store();
		try (ObjectUpload upload = store.upload("a/object")) {
			upload.channel().write(ByteBuffer.wrap(new byte[100]));
		}
		try (ObjectUpload upload = store.upload("a/large")) {
			upload.channel().write(ByteBuffer.wrap(new byte[6 * 1024 * 1024]));
		}
		try (Stream<StoredObject> objects = store.list("")) {
			assertThat(objects).isEmpty();
		}
		assertThat(store.purgeIncomplete(Instant.now().plusSeconds(60))).isZero();
	}

	@Test
	void deleteRemovesTheObjectAndForgetsMissingOnes() throws IOException {
		BlobStore store = store();
		store.put("x/secret", new ByteArrayInputStream(new byte[1000]));
		store.delete("x/secret", true);
		assertThatThrownBy(() -> store.size("x/secret")).isInstanceOf(NoSuchFileException.class);
		assertThatThrownBy(() -> store.open("x/secret")).isInstanceOf(NoSuchFileException.class);
		store.delete("x/secret", true);
		store.delete("never/there", false);
	}

	@Test
	void listsCommittedObjectsByPrefixAndPurgesOnlyOldIncompleteUploads() throws IOException {
		BlobStore store = store();
		store.put("parts/ab/1", new ByteArrayInputStream(new byte[3]));
		store.put("parts/ab/2", new ByteArrayInputStream(new byte[4]));
		store.put("parts/cd/3", new ByteArrayInputStream(new byte[5]));
		store.put("other/4", new ByteArrayInputStream(new byte[6]));
		ObjectUpload unfinished = store.upload("parts/ab/5");
		unfinished.channel().write(ByteBuffer.wrap(new byte[6 * 1024 * 1024]));

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

		assertThat(store.purgeIncomplete(Instant.now().minusSeconds(3600))).isZero();
		assertThat(store.purgeIncomplete(Instant.now().plusSeconds(60))).isOne();
		assertThat(store.purgeIncomplete(Instant.now().plusSeconds(60))).isZero();
		unfinished.close();
		try (Stream<StoredObject> parts = store.list("parts/ab/")) {
			assertThat(parts).hasSize(2);
		}
	}

	@Test
	void keysCannotEscapeTheRootOrLookLikeTempFiles() throws IOException {
		BlobStore store = store();
		for (String key : new String[] { "../outside", "a/../../outside", "/absolute", ".hidden", "a//b", "a/x.tmp",
				"" }) {
			assertThatThrownBy(() -> store.upload(key)).as(key).isInstanceOf(IllegalArgumentException.class);
			assertThatThrownBy(() -> store.open(key)).as(key).isInstanceOf(IllegalArgumentException.class);
		}
	}

	static byte[] readAt(SeekableByteChannel channel, long position, int length) throws IOException {
		ByteBuffer buffer = ByteBuffer.allocate(length);
		channel.position(position);
		while (buffer.hasRemaining()) {
			if (channel.read(buffer) < 0) {
				break;
			}
		}
		return Arrays.copyOf(buffer.array(), buffer.position());
	}

}
