package dev.ferry.files;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

import dev.ferry.testing.Api;
import dev.ferry.testing.FerryProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Uploads and downloads a file far larger than the heap of a server started in its own
 * JVM with {@code -Xmx256m}: proves that nothing on either path buffers a whole file. The
 * size is {@code -Dferry.heap-test.bytes} (default 1 GiB, four heaps; {@code bench/}
 * moves 10 GiB); the body is generated and hashed on the fly, never stored by the test.
 * The server's data directory is a JUnit temporary directory, so the stored gigabyte does
 * not stay on the disk for the rest of the suite.
 */
class LargeFileHeapIntegrationTests {

	private static final long SIZE = Long.getLong("ferry.heap-test.bytes", 1024L * 1024 * 1024);

	@TempDir
	Path dataDir;

	private FerryProcess server;

	@AfterEach
	void stopServer() throws InterruptedException {
		if (server != null) {
			server.close();
		}
	}

	/**
	 * A connection the server cut (a refusal mid-body, a crash) reaches the test as a
	 * bare {@link IOException}; the server's log says why.
	 */
	@Test
	void aFileLargerThanTheHeapGoesUpAndComesBackIntact() throws Exception {
		try {
			roundTrip();
		}
		catch (IOException ex) {
			String log = (server != null) ? server.log() : "";
			throw new AssertionError(ex + "; server log ends with:\n" + log.substring(Math.max(0, log.length() - 4000)),
					ex);
		}
	}

	private void roundTrip() throws Exception {
		server = FerryProcess.fromTestClasspath()
			.jvmOptions("-Xmx256m", "-XX:+ExitOnOutOfMemoryError")
			.bulkData()
			.dataDir(dataDir)
			.log(dataDir.resolve("server.log"))
			.start();
		String base = server.base();
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		String token = new Api(base).login(FerryProcess.ADMIN_EMAIL, FerryProcess.ADMIN_PASSWORD);

		GeneratedContent upload = new GeneratedContent(SIZE);
		HttpResponse<String> put = http.send(HttpRequest
			.newBuilder(URI.create(base + "/api/v1/files/content?path=/big.bin"))
			.header("Authorization", "Bearer " + token)
			.PUT(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> upload), SIZE))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(put.statusCode()).as(put.body()).isEqualTo(201);
		String expected = upload.sha256();
		assertThat(put.body()).contains("\"sha256\":\"" + expected + "\"").contains("\"size\":" + SIZE);

		String location = put.headers().firstValue("Location").orElseThrow();
		HttpResponse<InputStream> get = http.send(HttpRequest.newBuilder(URI.create(base + location + "/download"))
			.header("Authorization", "Bearer " + token)
			.build(), HttpResponse.BodyHandlers.ofInputStream());
		assertThat(get.statusCode()).isEqualTo(200);
		MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
		long received = 0;
		try (InputStream body = get.body()) {
			byte[] buffer = new byte[256 * 1024];
			for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
				sha256.update(buffer, 0, n);
				received += n;
			}
		}
		assertThat(received).isEqualTo(SIZE);
		assertThat(HexFormat.of().formatHex(sha256.digest())).isEqualTo(expected);
		assertThat(server.isAlive()).as("server survived (no OutOfMemoryError)").isTrue();
		assertThat(server.log()).doesNotContain("OutOfMemoryError");
	}

	/**
	 * A 1 MiB random block repeated to the requested size (cheap to produce at disk
	 * speed; the content only has to be checkable), hashed as it is read.
	 */
	static final class GeneratedContent extends InputStream {

		private static final int BLOCK = 1024 * 1024;

		private final byte[] block = new byte[BLOCK];

		private final long size;

		private final MessageDigest sha256;

		private long position;

		GeneratedContent(long size) {
			this.size = size;
			new java.util.Random(size).nextBytes(block);
			try {
				this.sha256 = MessageDigest.getInstance("SHA-256");
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
		}

		@Override
		public int read() {
			byte[] one = new byte[1];
			return (read(one, 0, 1) < 0) ? -1 : one[0] & 0xff;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) {
			if (position >= size) {
				return -1;
			}
			int from = (int) (position % BLOCK);
			int n = (int) Math.min(Math.min(length, BLOCK - from), size - position);
			System.arraycopy(block, from, buffer, offset, n);
			sha256.update(buffer, offset, n);
			position += n;
			return n;
		}

		String sha256() {
			assertThat(position).isEqualTo(size);
			return HexFormat.of().formatHex(sha256.digest());
		}

	}

}
