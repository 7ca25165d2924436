package dev.ferry.storage.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import java.util.UUID;

import dev.ferry.storage.PendingPart;
import dev.ferry.testing.Databases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * zstd before encryption: compressible parts are stored smaller as frames with an index,
 * ranges at random offsets read back exactly (sha256 of each range), incompressible
 * content and already-compressed types are stored as they are.
 */
class CompressedBlobTests {

	private static final int PART = 1_300_007;

	@ParameterizedTest
	@EnumSource(Databases.Vendor.class)
	void compressibleTextIsStoredSmallerAndRangesReadBackExactly(Databases.Vendor vendor) throws IOException {
		try (StorageFixture fixture = new StorageFixture(vendor)) {
			byte[] content = text(3 * PART + 12_345);
			UUID blob = fixture.storage.create("text/plain; charset=utf-8");
			assertThat(fixture.blobs.find(blob).orElseThrow().compressed()).isTrue();
			write(fixture, blob, content);
			assertThat(fixture.blobs.parts(blob)).hasSize(4).allMatch(BlobRepository.Part::compressed);
			assertThat(stored(fixture, blob)).as("stored bytes").isLessThan(content.length / 3);

			Random random = new Random(7);
			for (int i = 0; i < 60; i++) {
				int start = random.nextInt(content.length);
				int end = start + random.nextInt(Math.min(content.length - start, 700_000) + 1);
				assertThat(sha256(read(fixture, blob, start, end))).as("range %d-%d", start, end)
					.isEqualTo(sha256(Arrays.copyOfRange(content, start, end)));
			}
			assertThat(read(fixture, blob, 0, content.length)).isEqualTo(content);
		}
	}

	@Test
	void aRewrittenLastPartStaysCompressedAndReadable() throws IOException {
		try (StorageFixture fixture = new StorageFixture()) {
			byte[] content = text(600_000);
			UUID blob = fixture.storage.create("text/csv");
			try (PendingPart part = fixture.storage.beginPart(blob, 0)) {
				part.stream().write(content, 0, 100_000);
				part.commit();
			}
			try (PendingPart part = fixture.storage.rewriteLastPart(blob, 100_000)) {
				part.stream().write(content, 100_000, content.length - 100_000);
				part.commit();
			}
			assertThat(fixture.blobs.parts(blob)).singleElement().matches(BlobRepository.Part::compressed);
			assertThat(read(fixture, blob, 99_000, 400_000)).isEqualTo(Arrays.copyOfRange(content, 99_000, 400_000));
		}
	}

	@Test
	void incompressibleContentIsStoredAsItIs() throws IOException {
		try (StorageFixture fixture = new StorageFixture()) {
			byte[] content = new byte[PART];
			new Random(3).nextBytes(content);
			UUID blob = fixture.storage.create("application/octet-stream");
			write(fixture, blob, content);
			assertThat(fixture.blobs.parts(blob)).noneMatch(BlobRepository.Part::compressed);
			assertThat(stored(fixture, blob)).isGreaterThan(content.length);
			assertThat(read(fixture, blob, 77, 1_000_077)).isEqualTo(Arrays.copyOfRange(content, 77, 1_000_077));
		}
	}

	@Test
	void alreadyCompressedTypesAndCompressionOffAreNotTried() {
		Compression zstd = new Compression(true);
		assertThat(zstd.worthTrying("application/zip")).isFalse();
		assertThat(zstd.worthTrying("image/jpeg")).isFalse();
		assertThat(zstd.worthTrying("video/mp4")).isFalse();
		assertThat(zstd.worthTrying("application/pdf")).isFalse();
		assertThat(zstd.worthTrying("image/svg+xml")).isTrue();
		assertThat(zstd.worthTrying(null)).isTrue();
		assertThat(Compression.parse("off").worthTrying("text/plain")).isFalse();
		try (StorageFixture fixture = new StorageFixture()) {
			UUID blob = fixture.storage.create("application/gzip");
			assertThat(fixture.blobs.find(blob).orElseThrow().compressed()).isFalse();
		}
	}

	static byte[] text(int size) {
		StringBuilder text = new StringBuilder(size + 100);
		Random random = new Random(size);
		String[] words = { "ferry", "transfer", "secure", "file", "share", "upload", "download", "encrypted", "account",
				"blob", "storage", "range" };
		while (text.length() < size) {
			text.append(words[random.nextInt(words.length)]).append(random.nextInt(1000)).append(' ');
		}
		return Arrays.copyOf(text.toString().getBytes(StandardCharsets.UTF_8), size);
	}

	private static void write(StorageFixture fixture, UUID blob, byte[] content) throws IOException {
		for (int offset = 0; offset < content.length; offset += PART) {
			try (PendingPart part = fixture.storage.beginPart(blob, offset)) {
				part.stream().write(content, offset, Math.min(PART, content.length - offset));
				part.commit();
			}
		}
	}

	private static long stored(StorageFixture fixture, UUID blob) throws IOException {
		long total = 0;
		for (BlobRepository.Part part : fixture.blobs.parts(blob)) {
			total += fixture.store.size(part.storeKey());
		}
		return total;
	}

	private static byte[] read(StorageFixture fixture, UUID blob, int start, int end) throws IOException {
		try (InputStream in = fixture.storage.openRange(blob, start, end)) {
			return in.readAllBytes();
		}
	}

	static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
