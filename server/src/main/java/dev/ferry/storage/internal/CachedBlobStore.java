package dev.ferry.storage.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import dev.ferry.storage.spi.BlobStore;
import dev.ferry.storage.spi.ObjectUpload;
import dev.ferry.storage.spi.StoredObject;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hot tier in front of a remote store (S3): ciphertext segments of 1 MiB kept in a
 * node-local directory, evicted least recently used by bytes. Committed objects never
 * change, so a cached segment can never be stale; a deleted object's segments are dropped
 * with it (on other nodes they age out, and nothing can ask for them: the object's key is
 * never reused and its data key is shredded). The cache holds what the remote store
 * holds, ciphertext, and starts empty: its index lives in memory only, so files left by
 * an earlier run are removed at start.
 */
final class CachedBlobStore implements BlobStore, AutoCloseable {

	static final int SEGMENT_SIZE = 1024 * 1024;

	private static final Logger log = LoggerFactory.getLogger(CachedBlobStore.class);

	private final BlobStore remote;

	private final Path dir;

	private final Cache<Segment, Path> segments;

	private final Cache<String, Long> sizes = Caffeine.newBuilder().maximumSize(10_000).build();

	CachedBlobStore(BlobStore remote, Path dir, long maxBytes, MeterRegistry registry) throws IOException {
		this.remote = remote;
		this.dir = dir;
		emptyDirectory(dir);
		this.segments = Caffeine.newBuilder()
			.maximumWeight(maxBytes)
			.weigher((Segment segment, Path file) -> segment.length())
			// Evicted files are deleted by the thread whose insert evicted them, so the
			// directory never holds more than the bound while a background task catches
			// up.
			.executor(Runnable::run)
			.removalListener((Segment segment, Path file, RemovalCause cause) -> {
				if (file != null) {
					deleteQuietly(file);
				}
			})
			.recordStats()
			.build();
		CaffeineCacheMetrics.monitor(registry, segments, "ferry.storage.cache");
		Gauge.builder("ferry.storage.cache.bytes", segments, CachedBlobStore::cachedBytes)
			.description("Ciphertext bytes held by this node's segment cache")
			.baseUnit("bytes")
			.register(registry);
	}

	@Override
	public ObjectUpload upload(String key) throws IOException {
		return remote.upload(key);
	}

	@Override
	public SeekableByteChannel open(String key) throws IOException {
		return new CachedReadChannel(this, key, size(key));
	}

	@Override
	public long size(String key) throws IOException {
		try {
			return sizes.get(key, (missing) -> {
				try {
					return remote.size(missing);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
	}

	@Override
	public void delete(String key, boolean overwrite) throws IOException {
		remote.delete(key, overwrite);
		sizes.invalidate(key);
		segments.asMap().keySet().removeIf((segment) -> segment.key().equals(key));
	}

	@Override
	public Stream<StoredObject> list(String prefix) throws IOException {
		return remote.list(prefix);
	}

	@Override
	public int purgeIncomplete(Instant before) throws IOException {
		return remote.purgeIncomplete(before);
	}

	@Override
	public void close() throws Exception {
		segments.invalidateAll();
		if (remote instanceof AutoCloseable closeable) {
			closeable.close();
		}
	}

	/** The segment of {@code key} (of {@code size} bytes) that holds {@code position}. */
	static Segment segmentAt(String key, long size, long position) {
		long index = position / SEGMENT_SIZE;
		long start = index * SEGMENT_SIZE;
		return new Segment(key, index, (int) Math.min(SEGMENT_SIZE, size - start));
	}

	/**
	 * The cached file of {@code segment}, fetched through {@code source} (an open channel
	 * on the remote object, positioned as the caller likes) when absent. Concurrent
	 * readers of one segment wait for a single fetch.
	 */
	Path file(Segment segment, RemoteSource source) throws IOException {
		try {
			return segments.get(segment, (missing) -> fetch(missing, source));
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
	}

	/** The remote object itself, for a reader's misses. */
	SeekableByteChannel remoteChannel(String key) throws IOException {
		return remote.open(key);
	}

	/** Forgets a segment whose file vanished (evicted between lookup and open). */
	void forget(Segment segment) {
		segments.invalidate(segment);
	}

	private Path fetch(Segment segment, RemoteSource source) {
		Path file = dir.resolve(UUID.randomUUID().toString());
		try (FileChannel target = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
			SeekableByteChannel channel = source.open();
			channel.position(segment.start());
			// One read as large as the segment lets the remote channel ask for the whole
			// segment in one ranged GET; it costs at most 1 MiB of heap while it lasts.
			ByteBuffer buffer = ByteBuffer.allocate(segment.length());
			while (buffer.hasRemaining()) {
				if (channel.read(buffer) < 0) {
					throw new IOException("Object " + segment.key() + " ended before its recorded size");
				}
			}
			buffer.flip();
			while (buffer.hasRemaining()) {
				target.write(buffer);
			}
			return file;
		}
		catch (IOException ex) {
			deleteQuietly(file);
			throw new UncheckedIOException(ex);
		}
	}

	private static long cachedBytes(Cache<Segment, Path> segments) {
		return segments.policy().eviction().map((eviction) -> eviction.weightedSize().orElse(0)).orElse(0L);
	}

	private static void emptyDirectory(Path dir) throws IOException {
		Files.createDirectories(dir);
		try (Stream<Path> paths = Files.walk(dir)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).filter((path) -> !path.equals(dir)).toList()) {
				Files.delete(path);
			}
		}
	}

	private static void deleteQuietly(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			log.warn("Could not delete cached segment {}: {}", file, ex.getMessage());
		}
	}

	/** One aligned piece of an object; {@code length} is shorter only at the end. */
	record Segment(String key, long index, int length) {

		long start() {
			return index * SEGMENT_SIZE;
		}

		long end() {
			return start() + length;
		}

	}

	/** Opens (once) the remote object a reader is fetching segments from. */
	@FunctionalInterface
	interface RemoteSource {

		SeekableByteChannel open() throws IOException;

	}

}
