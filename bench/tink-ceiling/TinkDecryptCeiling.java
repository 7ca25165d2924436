import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Random;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.StreamingAead;
import com.google.crypto.tink.streamingaead.AesGcmHkdfStreamingParameters;
import com.google.crypto.tink.streamingaead.StreamingAeadConfig;

/**
 * The standalone decrypt ceiling beside bench/throughput.sh's download ratio: Tink's
 * seekable AES-256-GCM-HKDF decryption with Ferry's parameters (64 KiB ciphertext
 * segments), one thread, reading a ciphertext file in the page cache in 64 KiB reads,
 * as one download does, with no HTTP, database or socket. Prints the median MB/s of
 * plaintext over the runs after a warm-up (C2 compiles the AES-GCM intrinsics late).
 *
 *   java -cp tink.jar:protobuf-java.jar:... TinkDecryptCeiling.java DIR SIZE_MB RUNS
 */
public final class TinkDecryptCeiling {

	public static void main(String[] args) throws IOException, GeneralSecurityException {
		Path dir = Path.of(args[0]);
		long size = Long.parseLong(args[1]) * 1024 * 1024;
		int runs = Integer.parseInt(args[2]);
		StreamingAeadConfig.register();
		AesGcmHkdfStreamingParameters parameters = AesGcmHkdfStreamingParameters.builder()
			.setKeySizeBytes(32)
			.setDerivedAesGcmKeySizeBytes(32)
			.setHkdfHashType(AesGcmHkdfStreamingParameters.HashType.SHA256)
			.setCiphertextSegmentSizeBytes(64 * 1024)
			.build();
		StreamingAead aead = KeysetHandle.generateNew(parameters)
			.getPrimitive(RegistryConfiguration.get(), StreamingAead.class);
		byte[] associatedData = "ferry-blob-part:bench:0:0".getBytes(StandardCharsets.UTF_8);
		Path file = dir.resolve("ceiling.enc");
		encrypt(aead, associatedData, file, size);
		for (int i = 0; i < 3; i++) {
			decrypt(aead, associatedData, file);
		}
		double[] rates = new double[runs];
		for (int i = 0; i < runs; i++) {
			long started = System.nanoTime();
			long plain = decrypt(aead, associatedData, file);
			rates[i] = plain / ((System.nanoTime() - started) / 1e9) / 1e6;
		}
		Files.delete(file);
		double[] sorted = rates.clone();
		Arrays.sort(sorted);
		StringBuilder each = new StringBuilder();
		for (double rate : rates) {
			each.append((each.length() == 0) ? "" : ",").append(Math.round(rate));
		}
		System.out.printf("tink_decrypt_mbps=%d runs=%s%n", Math.round(sorted[runs / 2]), each);
	}

	private static void encrypt(StreamingAead aead, byte[] associatedData, Path file, long size)
			throws IOException, GeneralSecurityException {
		byte[] block = new byte[1024 * 1024];
		new Random(1).nextBytes(block);
		try (WritableByteChannel out = aead.newEncryptingChannel(
				FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
						StandardOpenOption.WRITE),
				associatedData)) {
			for (long written = 0; written < size; written += block.length) {
				ByteBuffer buffer = ByteBuffer.wrap(block, 0, (int) Math.min(block.length, size - written));
				while (buffer.hasRemaining()) {
					out.write(buffer);
				}
			}
		}
	}

	private static long decrypt(StreamingAead aead, byte[] associatedData, Path file)
			throws IOException, GeneralSecurityException {
		ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
		long total = 0;
		try (SeekableByteChannel in = aead.newSeekableDecryptingChannel(FileChannel.open(file), associatedData)) {
			for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
				total += n;
				buffer.clear();
			}
		}
		return total;
	}

}
