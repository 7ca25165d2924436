package dev.ferry.storage.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
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
import dev.ferry.storage.BlobTail;
import dev.ferry.storage.PendingPart;
import dev.ferry.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class EncryptedBlobStorageIntegrationTests extends IntegrationTest {

	@Autowired
	BlobStorage storage;

	@Autowired
	BlobRepository blobs;

	@Autowired
	JdbcClient jdbc;

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
	void rewritingTheLastPartMergesItWithTheNewBytesAndDropsTheOldObject() throws IOException {
		byte[] content = random(250_000, 11);
		UUID blob = storage.create();
		append(blob, content, 0, 100_000);
		append(blob, content, 100_000, 130_000);
		Path small = objectsOf(blob).stream()
			.filter((p) -> p.getFileName().toString().startsWith("1-"))
			.findFirst()
			.orElseThrow();

		try (PendingPart part = storage.rewriteLastPart(blob, 130_000)) {
			part.stream().write(content, 130_000, 120_000);
			assertThat(part.written()).isEqualTo(120_000);
			assertThat(part.commit()).isEqualTo(250_000);
		}

		assertThat(storage.tail(blob)).isEqualTo(new BlobTail(250_000, 2, 150_000));
		assertThat(read(blob, 0, 250_000)).isEqualTo(content);
		assertThat(read(blob, 120_000, 140_000)).isEqualTo(slice(content, 120_000, 140_000));
		assertThat(objectsOf(blob)).hasSize(2).doesNotContain(small);
		assertThatThrownBy(() -> storage.rewriteLastPart(blob, 130_000)).isInstanceOf(BlobConflictException.class);
	}

	@Test
	void aRewriteLosesToAWriterThatCommittedFirst() throws IOException {
		byte[] content = random(3000, 12);
		UUID blob = storage.create();
		append(blob, content, 0, 1000);
		try (PendingPart rewrite = storage.rewriteLastPart(blob, 1000)) {
			rewrite.stream().write(content, 1000, 500);
			append(blob, content, 1000, 3000);
			assertThatThrownBy(rewrite::commit).isInstanceOf(BlobConflictException.class);
		}
		assertThat(read(blob, 0, 3000)).isEqualTo(content);
		assertThat(objectsOf(blob)).hasSize(2);
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

	/** A data key that does not open refuses the part and leaves no temporary file. */
	@Test
	void aPartWhoseDataKeyDoesNotOpenLeavesNoTemporaryFile() {
		UUID blob = UUID.randomUUID();
		blobs.insert(blob, new DataKeys.WrappedKey(random(80, 11), 1), System.currentTimeMillis(), false);
		try {
			assertThatThrownBy(() -> storage.beginPart(blob, 0)).isInstanceOf(RuntimeException.class);

			assertThat(filesOf(blob)).isEmpty();
		}
		finally {
			// Other tests rotate the keys of this server, and count what does not open.
			jdbc.sql("DELETE FROM blobs WHERE id = ?").param(blob.toString()).update();
		}
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
	void swappedOrMovedPartsFailTheRead() throws IOException {
		byte[] content = random(2000, 9);
		UUID blob = storage.create();
		append(blob, content, 0, 1000);
		append(blob, content, 1000, 2000);
		List<Path> parts = objectsOf(blob);
		Path first = parts.stream()
			.filter((path) -> path.getFileName().toString().startsWith("0-"))
			.findFirst()
			.orElseThrow();
		Path second = parts.stream()
			.filter((path) -> path.getFileName().toString().startsWith("1-"))
			.findFirst()
			.orElseThrow();
		byte[] firstBytes = Files.readAllBytes(first);
		Files.write(first, Files.readAllBytes(second));
		Files.write(second, firstBytes);
		assertThatThrownBy(() -> read(blob, 0, 10)).isInstanceOf(IOException.class);
		assertThatThrownBy(() -> read(blob, 1000, 1010)).isInstanceOf(IOException.class);

		UUID other = storage.create();
		append(other, content, 0, 1000);
		Files.write(objectsOf(other).get(0), firstBytes);
		assertThatThrownBy(() -> read(other, 0, 10)).isInstanceOf(IOException.class);
	}

	@Test
	void theDestroyedDataKeyLeavesNoTraceInTheDatabaseFiles() throws IOException {
		UUID blob = storage.create();
		append(blob, random(1000, 10), 0, 1000);
		byte[] wrapped = blobs.find(blob).orElseThrow().wrappedKey();
		checkpoint();
		assertThat(databaseFilesContaining(wrapped)).as("the key is found before destroy").isNotEmpty();

		storage.destroy(blob);
		checkpoint();

		assertThat(databaseFilesContaining(wrapped)).isEmpty();
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

	private void checkpoint() {
		await().until(() -> jdbc.sql("PRAGMA wal_checkpoint(TRUNCATE)").query((rs, i) -> rs.getInt(1)).single() == 0);
	}

	private static List<Path> databaseFilesContaining(byte[] bytes) throws IOException {
		String needle = new String(bytes, StandardCharsets.ISO_8859_1);
		List<Path> found = new ArrayList<>();
		for (String name : List.of("ferry.db", "ferry.db-wal")) {
			Path file = DATA_DIR.resolve(name);
			if (Files.exists(file)
					&& new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(needle)) {
				found.add(file);
			}
		}
		return found;
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
