package dev.ferry.storage.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import dev.ferry.storage.BlobStorage;
import dev.ferry.storage.PendingPart;
import dev.ferry.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing the server keeps on disk contains plaintext: not the committed parts, not a
 * part still being written, not the database, its WAL or any temp file.
 */
class PlaintextAtRestIntegrationTests extends IntegrationTest {

	@Autowired
	BlobStorage storage;

	@Test
	void noFileUnderTheDataDirectoryContainsTheContent() throws IOException {
		byte[] marker = ("FERRY-MARKER-" + UUID.randomUUID()).getBytes(StandardCharsets.US_ASCII);
		byte[] content = repeat(marker, 1 << 20);

		Path plaintext = Files.write(Files.createTempFile("ferry-marker-", ".txt"), content);
		assertThat(contains(plaintext, marker)).as("the scan finds plaintext where there is some").isTrue();
		Files.delete(plaintext);

		UUID complete = storage.create();
		commitPart(complete, 0, content);

		UUID midUpload = storage.create();
		commitPart(midUpload, 0, content);
		try (PendingPart pending = storage.beginPart(midUpload, content.length)) {
			pending.stream().write(content);
			pending.stream().flush();
			assertThat(pending.written()).isEqualTo(content.length);

			assertThat(filesContaining(marker)).isEmpty();
			assertThat(EncryptedBlobStorageIntegrationTests.filesOf(midUpload)).hasSize(2);
		}
		try (InputStream in = storage.openRange(complete, 0, content.length)) {
			assertThat(in.readAllBytes()).isEqualTo(content);
		}
	}

	private void commitPart(UUID blob, long offset, byte[] content) throws IOException {
		try (PendingPart part = storage.beginPart(blob, offset)) {
			part.stream().write(content);
			part.commit();
		}
	}

	/** Every regular file under the data directory whose bytes contain {@code marker}. */
	private static List<Path> filesContaining(byte[] marker) throws IOException {
		try (Stream<Path> files = Files.walk(DATA_DIR)) {
			List<Path> regular = files.filter(Files::isRegularFile).toList();
			assertThat(regular).anyMatch((path) -> path.getFileName().toString().equals("ferry.db"));
			assertThat(regular).anyMatch((path) -> path.getFileName().toString().equals("ferry.db-wal"));
			assertThat(regular).anyMatch((path) -> path.getFileName().toString().endsWith(".tmp"));
			return regular.stream().filter((path) -> contains(path, marker)).toList();
		}
	}

	private static boolean contains(Path path, byte[] marker) {
		try {
			return new String(Files.readAllBytes(path), StandardCharsets.ISO_8859_1)
				.contains(new String(marker, StandardCharsets.ISO_8859_1));
		}
		catch (NoSuchFileException vanished) {
			return false;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static byte[] repeat(byte[] unit, int size) {
		byte[] bytes = new byte[size];
		for (int i = 0; i < size; i++) {
			bytes[i] = unit[i % unit.length];
		}
		return bytes;
	}

}
