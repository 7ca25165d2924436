package dev.ferry.storage.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import dev.ferry.storage.spi.BlobStore;
import dev.ferry.testing.S3TestServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The segment cache in front of a real S3 server (S3Proxy): it keeps the store contract,
 * serves repeated reads without asking S3, stays within its size, and forgets deleted
 * objects.
 */
class CachedBlobStoreTests extends BlobStoreContract {

	private static final int SEGMENT = CachedBlobStore.SEGMENT_SIZE;

	private final List<AutoCloseable> opened = new ArrayList<>();

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final S3Properties properties = S3BlobStoreTests.properties(S3TestServer.newBucket("cache"));

	private final S3Client client = S3Clients.create(properties);

	@TempDir
	Path dir;

	@Override
	BlobStore store() throws IOException {
		return store(64L * SEGMENT);
	}

	private CachedBlobStore store(long maxBytes) throws IOException {
		S3BlobStore remote = new S3BlobStore(S3Clients.create(properties), properties.bucket(), properties.partSize(),
				new SimpleMeterRegistry());
		remote.ensureBucket();
		CachedBlobStore store = new CachedBlobStore(remote, dir.resolve("cache"), maxBytes, meters);
		opened.add(store);
		return store;
	}

	@AfterEach
	void close() throws Exception {
		for (AutoCloseable closeable : opened) {
			closeable.close();
		}
		client.close();
	}

	@Test
	void aSecondReadIsServedFromTheCacheWithoutS3() throws IOException {
		CachedBlobStore store = store(64L * SEGMENT);
		byte[] content = random(3 * SEGMENT + 4321);
		store.put("hot/object", new ByteArrayInputStream(content));
		try (SeekableByteChannel channel = store.open("hot/object")) {
			assertThat(readAt(channel, 0, content.length)).isEqualTo(content);
		}

		client.deleteObject((delete) -> delete.bucket(properties.bucket()).key("hot/object"));

		try (SeekableByteChannel channel = store.open("hot/object")) {
			assertThat(readAt(channel, SEGMENT - 10, 2 * SEGMENT))
				.isEqualTo(Arrays.copyOfRange(content, SEGMENT - 10, 3 * SEGMENT - 10));
			assertThat(readAt(channel, 3 * SEGMENT, 5000))
				.isEqualTo(Arrays.copyOfRange(content, 3 * SEGMENT, content.length));
		}
		assertThat(meters.get("cache.gets")
			.tag("cache", "ferry.storage.cache")
			.tag("result", "hit")
			.functionCounter()
			.count()).isPositive();
	}

	@Test
	void theCacheStaysWithinItsSize() throws IOException {
		CachedBlobStore store = store(2L * SEGMENT);
		byte[] content = random(6 * SEGMENT);
		store.put("big/object", new ByteArrayInputStream(content));

		try (SeekableByteChannel channel = store.open("big/object")) {
			assertThat(readAt(channel, 0, content.length)).isEqualTo(content);
		}

		await().until(() -> cachedBytesOnDisk() <= 2L * SEGMENT);
		assertThat(meters.get("ferry.storage.cache.bytes").gauge().value()).isLessThanOrEqualTo(2.0 * SEGMENT);
	}

	@Test
	void segmentsTheCacheCannotKeepAreReadFromTheRemoteStore() throws IOException {
		CachedBlobStore store = store(SEGMENT / 2);
		byte[] content = random(3 * SEGMENT);
		store.put("uncacheable/object", new ByteArrayInputStream(content));

		try (SeekableByteChannel channel = store.open("uncacheable/object")) {
			assertThat(readAt(channel, 0, content.length)).isEqualTo(content);
			assertThat(readAt(channel, SEGMENT + 7, 100))
				.isEqualTo(Arrays.copyOfRange(content, SEGMENT + 7, SEGMENT + 107));
		}
		assertThat(cachedBytesOnDisk()).isZero();
	}

	@Test
	void deletingAnObjectDropsItsSegments() throws IOException {
		CachedBlobStore store = store(64L * SEGMENT);
		store.put("gone/object", new ByteArrayInputStream(random(2 * SEGMENT)));
		try (SeekableByteChannel channel = store.open("gone/object")) {
			readAt(channel, 0, 2 * SEGMENT);
		}
		assertThat(cachedBytesOnDisk()).isEqualTo(2L * SEGMENT);

		store.delete("gone/object", true);

		await().until(() -> cachedBytesOnDisk() == 0);
		assertThatThrownBy(() -> store.open("gone/object")).isInstanceOf(NoSuchFileException.class);
	}

	@Test
	void filesLeftByAnEarlierRunAreRemovedAtStart() throws IOException {
		Files.createDirectories(dir.resolve("cache"));
		Files.write(dir.resolve("cache").resolve("left-over"), new byte[100]);

		store(SEGMENT);

		assertThat(dir.resolve("cache")).isEmptyDirectory();
	}

	private long cachedBytesOnDisk() throws IOException {
		try (Stream<Path> files = Files.list(dir.resolve("cache"))) {
			long total = 0;
			for (Path file : files.toList()) {
				total += Files.size(file);
			}
			return total;
		}
	}

	private static byte[] random(int size) {
		byte[] bytes = new byte[size];
		new Random(size).nextBytes(bytes);
		return bytes;
	}

}
