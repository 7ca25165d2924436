package dev.ferry.ops;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.management.UnixOperatingSystemMXBean;
import dev.ferry.testing.Api;
import dev.ferry.testing.FerryProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Slow and abusive clients against a server started with a short
 * {@code FERRY_CONNECTION_TIMEOUT}: many idle connections cost no thread and leave room
 * for normal requests; a client that stops sending headers or a body, or stops reading a
 * download much larger than the server's heap, is dropped after the timeout. The three
 * dropped clients wait out the timeout together, so the test waits for it about once. It
 * runs beside the other classes (junit-platform.properties): it mostly waits, on a server
 * of its own.
 *
 * <p>
 * Runs as {@code WaitingIntegrationTests.SlowClients}, beside the other classes that
 * wait.
 */
@Execution(ExecutionMode.CONCURRENT)
public abstract class SlowClientsIntegrationTests {

	private static final long MIB = 1024 * 1024;

	private static final long DOWNLOAD = 640 * MIB;

	private static final int IDLE = 10_000;

	private static final String HEAP = "512m";

	private static final int SPARE_DESCRIPTORS = 2000;

	@TempDir
	Path dataDir;

	@Test
	void slowAndSilentClientsAreDroppedAndIdleOnesCostNoThreads() throws Exception {
		try (FerryProcess server = FerryProcess.fromTestClasspath()
			.dataDir(this.dataDir)
			.env("FERRY_CONNECTION_TIMEOUT", "15s")
			.jvmOptions("-Xmx" + HEAP)
			.start()) {
			Api api = new Api(server.base());
			String token = api.login(FerryProcess.ADMIN_EMAIL, FerryProcess.ADMIN_PASSWORD);
			String id = putZeros(server, token, DOWNLOAD);

			idleConnectionsLeaveRoomForRequests(server, api, token);
			stalledDownloadIsDropped(server, api, token, id, () -> CompletableFuture.allOf(
					inOwnThread(
							() -> assertClosedByServer(server, "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Ag")),
					inOwnThread(() -> assertClosedByServer(server,
							"POST /api/v1/auth/login HTTP/1.1\r\n"
									+ "Host: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n"
									+ "{\"email\":"))));
			assertThat(api.get("/health", null).status()).isEqualTo(200);
		}
	}

	/**
	 * As many idle connections as {@link #IDLE}, or as this process's descriptor limit
	 * allows with {@link #SPARE_DESCRIPTORS} left for the classes running beside this
	 * one: the server holds them all, with a bounded number of threads, and still answers
	 * a normal request meanwhile.
	 */
	private static void idleConnectionsLeaveRoomForRequests(FerryProcess server, Api api, String token)
			throws IOException {
		var os = (UnixOperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
		int count = (int) Math.min(IDLE,
				os.getMaxFileDescriptorCount() - os.getOpenFileDescriptorCount() - SPARE_DESCRIPTORS);
		List<Socket> idle = new ArrayList<>(count);
		try {
			for (int i = 0; i < count; i++) {
				Socket socket = new Socket();
				socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0));
				socket.connect(new InetSocketAddress("127.0.0.1", server.port()));
				idle.add(socket);
			}
			assertThat(api.get("/api/v1/files?limit=1", token).status()).isEqualTo(200);
			String metrics = api.get("/metrics", null).body();
			assertThat(gauge(metrics, "tomcat_connections_current_connections")).isGreaterThanOrEqualTo(count / 2.0);
			assertThreadsBounded(metrics);
		}
		finally {
			for (Socket socket : idle) {
				socket.close();
			}
		}
	}

	/**
	 * Sends {@code start} byte by byte, then nothing: the server closes the connection
	 * (after an error response at most) instead of waiting for the rest.
	 */
	private static void assertClosedByServer(FerryProcess server, String start) {
		try (Socket socket = new Socket("127.0.0.1", server.port())) {
			socket.setSoTimeout((int) Duration.ofMinutes(2).toMillis());
			OutputStream out = socket.getOutputStream();
			for (byte b : start.getBytes(StandardCharsets.US_ASCII)) {
				out.write(b);
				out.flush();
			}
			String answer = new String(readToEnd(socket.getInputStream(), 64 * 1024), StandardCharsets.US_ASCII);
			assertThat(answer).doesNotContain("HTTP/1.1 200").doesNotContain("HTTP/1.1 5");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Starts a download and never reads it: the server's heap and threads stay bounded,
	 * and after the timeout it closes the connection, having sent far less than the file.
	 * The {@code meanwhile} clients wait out their timeouts at the same time instead of
	 * one after the other; they start after the connection count was taken, so their
	 * connections, open or closed, never pass for the download's being closed.
	 */
	private static void stalledDownloadIsDropped(FerryProcess server, Api api, String token, String id,
			Supplier<CompletableFuture<Void>> meanwhile) throws IOException {
		try (Socket socket = new Socket()) {
			socket.setReceiveBufferSize(64 * 1024);
			socket.setSoTimeout((int) Duration.ofMinutes(2).toMillis());
			socket.connect(new InetSocketAddress("127.0.0.1", server.port()));
			socket.getOutputStream()
				.write(("GET /api/v1/files/" + id + "/download HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
						+ token + "\r\n\r\n")
					.getBytes(StandardCharsets.US_ASCII));
			socket.getOutputStream().flush();
			await().atMost(Duration.ofMinutes(2))
				.until(() -> gauge(api.get("/metrics", null).body(), "tomcat_connections_current_connections") >= 2);
			String metrics = api.get("/metrics", null).body();
			double stalled = gauge(metrics, "tomcat_connections_current_connections");
			CompletableFuture<Void> others = meanwhile.get();
			assertThreadsBounded(metrics);
			assertThat(sum(metrics, "jvm_memory_used_bytes\\{area=\"heap\"[^}]*}")).isLessThan(DOWNLOAD);
			await().atMost(Duration.ofMinutes(2))
				.until(() -> gauge(api.get("/metrics", null).body(),
						"tomcat_connections_current_connections") < stalled);
			assertThat(drain(socket.getInputStream(), new ByteArrayOutputStream(), 0)).isLessThan(64 * MIB);
			others.join();
		}
	}

	/**
	 * Runs {@code check} in a thread of its own: the common pool may have a single thread
	 * on a small machine, which would run the checks one after the other.
	 */
	private static CompletableFuture<Void> inOwnThread(Runnable check) {
		return CompletableFuture.runAsync(check, (task) -> new Thread(task).start());
	}

	/**
	 * Waiting connections hold no thread: the JVM runs at most Tomcat's request threads
	 * (or, on JDK 21+, the virtual threads' carriers) plus a fixed few of its own.
	 */
	private static void assertThreadsBounded(String metrics) {
		double requestThreads = gauge(metrics, "tomcat_threads_config_max_threads");
		assertThat(gauge(metrics, "jvm_threads_live_threads")).isLessThan(requestThreads + 64);
	}

	/** The first {@code limit} bytes the peer sends before it closes the connection. */
	private static byte[] readToEnd(InputStream in, int limit) throws IOException {
		ByteArrayOutputStream first = new ByteArrayOutputStream();
		drain(in, first, limit);
		return first.toByteArray();
	}

	/**
	 * Reads until the peer closes or resets the connection (a reset is a close with
	 * unread data pending); how many bytes came, the first {@code limit} kept.
	 */
	private static long drain(InputStream in, ByteArrayOutputStream first, int limit) throws IOException {
		byte[] buffer = new byte[64 * 1024];
		long total = 0;
		try {
			for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
				first.write(buffer, 0, (int) Math.max(0, Math.min(n, limit - first.size())));
				total += n;
			}
		}
		catch (SocketException reset) {
			return total;
		}
		return total;
	}

	private static String putZeros(FerryProcess server, String token, long size) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(server.base() + "/api/v1/files/content?path=%2Fzeros.bin"))
				.header("Authorization", "Bearer " + token)
				.PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new ZeroStream(size)))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		Matcher id = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
		assertThat(id.find()).isTrue();
		return id.group(1);
	}

	private static double gauge(String metrics, String name) {
		return sum(metrics, Pattern.quote(name) + "(\\{[^}]*})?");
	}

	private static double sum(String metrics, String series) {
		Matcher matcher = Pattern.compile("(?m)^" + series + " (\\S+)$").matcher(metrics);
		double total = 0;
		boolean found = false;
		while (matcher.find()) {
			total += Double.parseDouble(matcher.group(matcher.groupCount()));
			found = true;
		}
		assertThat(found).as(series + " in /metrics").isTrue();
		return total;
	}

	/** {@code size} zero bytes, generated, so the test holds no file in memory. */
	private static final class ZeroStream extends InputStream {

		private long left;

		ZeroStream(long size) {
			this.left = size;
		}

		@Override
		public int read() {
			if (this.left == 0) {
				return -1;
			}
			this.left--;
			return 0;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) {
			if (this.left == 0) {
				return -1;
			}
			int n = (int) Math.min(length, this.left);
			Arrays.fill(buffer, offset, offset + n, (byte) 0);
			this.left -= n;
			return n;
		}

	}

}
