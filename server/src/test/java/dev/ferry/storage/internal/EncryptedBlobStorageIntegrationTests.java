package dev.ferry.storage.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import dev.ferry.storage.BlobConflictException;
import dev.ferry.storage.BlobNotFoundException;
import dev.ferry.storage.BlobRangeException;
import dev.ferry.storage.BlobStorage;
import dev.ferry.storage.PendingPart;
import dev.ferry.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EncryptedBlobStorageIntegrationTests extends IntegrationTest {

	@Autowired
	BlobStorage storage;

	@Test
	void partsReadBackAsOneContinuousBlob() throws IOException {
		byte[] content = random(300_000, 1);
		UUID blob = storage.create();
		assertThat(storage.length(blob)).isZero();
		assertThat(append(blob, content, 0, 100_000)).isEqualTo(100_000);
		assertThat(append(blob, content, 100_000, 100_000)).isEqualTo(100_000);
		assertThat(append(blob, content, 100_000, 300_000)).isEqualTo(300_000);

		assertThat(storage.length(blob)).isEqualTo(300_000);
		assertThat(read(blob, 0, 300_000)).isEqualTo(content);
		assertThat(read(blob, 99_990, 100_010)).isEqualTo(slice(content, 99_990, 100_010));
		assertThat(read(blob, 250_000, 250_000)).isEmpty();
	}

	@Test
	void writingAtAnotherOffsetThanTheEndConflicts() {
		UUID blob = storage.create();
		append(blob, random(10, 2), 0, 10);
		assertThatThrownBy(() -> storage.beginPart(blob, 5)).isInstanceOf(BlobConflictException.class);
		assertThatThrownBy(() -> storage.beginPart(blob, 11)).isInstanceOf(BlobConflictException.class);
		assertThatThrownBy(() -> storage.openRange(blob, 0, 11)).isInstanceOf(BlobRangeException.class);
	}

	@Test
	void ofTwoWritersAtTheSameOffsetExactlyOneCommits() throws Exception {
		UUID blob = storage.create();
		CountDownLatch bothWritten = new CountDownLatch(2);
		byte[] first = random(200_000, 3);
		byte[] second = random(150_000, 4);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<Long>> results = pool
				.invokeAll(List.of(writer(blob, first, bothWritten), writer(blob, second, bothWritten)));
			List<Object> outcomes = results.stream().map(EncryptedBlobStorageIntegrationTests::outcome).toList();
			assertThat(outcomes).filteredOn(BlobConflictException.class::isInstance).hasSize(1);
			assertThat(outcomes).filteredOn(Long.class::isInstance).hasSize(1);
			long length = (Long) outcomes.stream().filter(Long.class::isInstance).findFirst().orElseThrow();
			assertThat(storage.length(blob)).isEqualTo(length);
			assertThat(read(blob, 0, length)).isEqualTo((length == first.length) ? first : second);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(objectsOf(blob)).hasSize(1);
	}

	@Test
	void closingWithoutCommitLeavesNothing() {
		UUID blob = storage.create();
		try (PendingPart part = storage.beginPart(blob, 0)) {
			part.stream().write(random(100_000, 5));
			assertThat(part.written()).isEqualTo(100_000);
		}
		catch (IOException ex) {
			throw new AssertionError(ex);
		}
		assertThat(storage.length(blob)).isZero();
		assertThat(filesOf(blob)).isEmpty();
	}

	@Test
	void aTamperedCiphertextByteFailsTheReadInsteadOfReturningWrongData() throws IOException {
		byte[] content = random(500_000, 6);
		UUID blob = storage.create();
		append(blob, content, 0, content.length);
		Path part = objectsOf(blob).get(0);
		try (FileChannel channel = FileChannel.open(part, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
			ByteBuffer one = ByteBuffer.allocate(1);
			channel.read(one, 200_000);
			one.put(0, (byte) (one.get(0) ^ 0x01)).rewind();
			channel.write(one, 200_000);
		}
		assertThatThrownBy(() -> read(blob, 0, content.length)).isInstanceOf(IOException.class);
		assertThatThrownBy(() -> read(blob, 190_000, 210_000)).isInstanceOf(IOException.class);
		assertThat(read(blob, 0, 100_000)).isEqualTo(slice(content, 0, 100_000));
	}

	@Test
	void destroyRemovesKeyAndParts() {
		UUID blob = storage.create();
		byte[] content = random(200_000, 7);
		append(blob, content, 0, 100_000);
		append(blob, content, 100_000, 200_000);
		assertThat(objectsOf(blob)).hasSize(2);

		storage.destroy(blob);

		assertThatThrownBy(() -> storage.length(blob)).isInstanceOf(BlobNotFoundException.class);
		assertThatThrownBy(() -> storage.openRange(blob, 0, 1)).isInstanceOf(BlobNotFoundException.class);
		assertThatThrownBy(() -> storage.beginPart(blob, 200_000)).isInstanceOf(BlobNotFoundException.class);
		assertThat(filesOf(blob)).isEmpty();
		storage.destroy(blob);
	}

	private Callable<Long> writer(UUID blob, byte[] content, CountDownLatch bothWritten) {
		return () -> {
			try (PendingPart part = storage.beginPart(blob, 0)) {
				part.stream().write(content);
				bothWritten.countDown();
				bothWritten.await();
				return part.commit();
			}
		};
	}

	private static Object outcome(Future<Long> future) {
		try {
			return future.get();
		}
		catch (Exception ex) {
			return ex.getCause();
		}
	}

	private long append(UUID blob, byte[] content, int from, int to) {
		try (PendingPart part = storage.beginPart(blob, storage.length(blob))) {
			part.stream().write(content, from, to - from);
			return part.commit();
		}
		catch (IOException ex) {
			throw new AssertionError(ex);
		}
	}

	private byte[] read(UUID blob, long start, long end) throws IOException {
		try (InputStream in = storage.openRange(blob, start, end)) {
			return in.readAllBytes();
		}
	}

	static List<Path> objectsOf(UUID blob) {
		return filesOf(blob).stream().filter((path) -> !path.getFileName().toString().startsWith(".")).toList();
	}

	static List<Path> filesOf(UUID blob) {
		Path dir = DATA_DIR.resolve("blobs/parts").resolve(blob.toString().substring(0, 2)).resolve(blob.toString());
		if (!Files.isDirectory(dir)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(dir)) {
			return files.sorted().toList();
		}
		catch (IOException ex) {
			throw new AssertionError(ex);
		}
	}

	static byte[] random(int size, long seed) {
		byte[] bytes = new byte[size];
		new Random(seed).nextBytes(bytes);
		return bytes;
	}

	private static byte[] slice(byte[] content, int from, int to) {
		return Arrays.copyOfRange(content, from, to);
	}

}
