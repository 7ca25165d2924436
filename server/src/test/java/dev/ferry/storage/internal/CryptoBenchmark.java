package dev.ferry.storage.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Random;
import java.util.UUID;

import dev.ferry.storage.PendingPart;

/**
 * Throughput of the encrypted blob path (bench/crypto.sh runs it): encrypt and store one
 * part (fsync included), decrypt it sequentially, and decrypt random 64 KiB ranges. Not a
 * test: it asserts nothing and lives here only to reach the package-private classes.
 */
final class CryptoBenchmark {

	private static final int CHUNK = 1 << 20;

	private static final int RANGE = 64 * 1024;

	private static final int RANGES = 4000;

	private CryptoBenchmark() {
	}

	public static void main(String[] args) throws IOException {
		long size = Long.parseLong((args.length > 0) ? args[0] : "1024") * CHUNK;
		byte[] chunk = new byte[CHUNK];
		new Random(42).nextBytes(chunk);
		try (StorageFixture fixture = new StorageFixture()) {
			// Until C2 has compiled the AES-GCM intrinsics the first few hundred MiB run
			// many times slower; warm up on the same code path first.
			for (int i = 0; i < 3; i++) {
				run(fixture, chunk, 256L * CHUNK, false);
			}
			run(fixture, chunk, size, true);
		}
	}

	private static void run(StorageFixture fixture, byte[] chunk, long size, boolean print) throws IOException {
		UUID blob = fixture.storage.create();
		long start = System.nanoTime();
		long streamed;
		try (PendingPart part = fixture.storage.beginPart(blob, 0)) {
			OutputStream out = part.stream();
			for (long written = 0; written < size; written += chunk.length) {
				out.write(chunk);
			}
			streamed = System.nanoTime() - start;
			part.commit();
		}
		double encrypt = rate(size, System.nanoTime() - start);

		start = System.nanoTime();
		byte[] buffer = new byte[CHUNK];
		try (InputStream in = fixture.storage.openRange(blob, 0, size)) {
			while (in.read(buffer) >= 0) {
			}
		}
		double decrypt = rate(size, System.nanoTime() - start);

		Random positions = new Random(7);
		start = System.nanoTime();
		for (int i = 0; i < RANGES; i++) {
			long from = (long) (positions.nextDouble() * (size - RANGE));
			try (InputStream in = fixture.storage.openRange(blob, from, from + RANGE)) {
				in.readNBytes(buffer, 0, RANGE);
			}
		}
		long seekNanos = System.nanoTime() - start;
		fixture.storage.destroy(blob);
		if (print) {
			System.out.printf("size_mib=%d%n", size / CHUNK);
			System.out.printf("encrypt_write_mbps=%.0f%n", rate(size, streamed));
			System.out.printf("encrypt_store_mbps=%.0f%n", encrypt);
			System.out.printf("decrypt_sequential_mbps=%.0f%n", decrypt);
			System.out.printf("decrypt_random_64k_mbps=%.0f%n", rate((long) RANGES * RANGE, seekNanos));
			System.out.printf("decrypt_random_64k_micros=%.0f%n", seekNanos / 1000.0 / RANGES);
		}
	}

	/** Megabytes (10^6 bytes, as openssl speed counts) per second. */
	private static double rate(long bytes, long nanos) {
		return bytes / 1e6 / (nanos / 1e9);
	}

}
