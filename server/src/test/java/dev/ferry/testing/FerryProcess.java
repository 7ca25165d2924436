package dev.ferry.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * The Ferry server as its own JVM (the test classpath,
 * {@code dev.ferry.FerryApplication}), for tests that must kill it like a power cut
 * would, or stop it, change its files and start it again on the same data directory.
 */
public final class FerryProcess implements AutoCloseable {

	public static final String ADMIN_EMAIL = "crash-admin@ferry.test";

	public static final String ADMIN_PASSWORD = "crash-admin-password-for-tests";

	private final Process process;

	private final int port;

	private final Path log;

	private FerryProcess(Process process, int port, Path log) {
		this.process = process;
		this.port = port;
		this.log = log;
	}

	/** Starts a server on {@code dataDir} and waits until it answers /health. */
	public static FerryProcess start(Path dataDir, Path log) throws IOException {
		return start(dataDir, log, freePort(), Map.of());
	}

	/**
	 * Starts a server on {@code dataDir} and {@code port} with {@code environment} on top
	 * of the defaults, and waits until it answers /health.
	 */
	public static FerryProcess start(Path dataDir, Path log, int port, Map<String, String> environment)
			throws IOException {
		ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx384m", "-cp", classpath(), "dev.ferry.FerryApplication");
		builder.environment().put("FERRY_DATA_DIR", dataDir.toString());
		builder.environment().put("FERRY_PORT", Integer.toString(port));
		builder.environment().put("FERRY_BIND", "127.0.0.1");
		builder.environment().put("FERRY_ADMIN_EMAIL", ADMIN_EMAIL);
		builder.environment().put("FERRY_ADMIN_PASSWORD", ADMIN_PASSWORD);
		builder.environment().putAll(environment);
		builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
		FerryProcess server = new FerryProcess(builder.start(), port, log);
		server.awaitHealthy();
		return server;
	}

	public String base() {
		return "http://127.0.0.1:" + port;
	}

	public int port() {
		return port;
	}

	/** SIGKILL: no shutdown hook, no graceful drain, nothing flushed. */
	public void kill() throws InterruptedException {
		process.destroyForcibly();
		process.waitFor(60, TimeUnit.SECONDS);
	}

	@Override
	public void close() throws InterruptedException {
		if (process.isAlive()) {
			process.destroy();
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				kill();
			}
		}
	}

	private void awaitHealthy() {
		HttpClient http = HttpClient.newHttpClient();
		await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500)).until(() -> {
			if (!process.isAlive()) {
				throw new AssertionError("The server exited with " + process.exitValue() + ":\n" + tail());
			}
			try {
				HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(base() + "/health")).build(),
						HttpResponse.BodyHandlers.discarding());
				return response.statusCode() == 200;
			}
			catch (IOException ex) {
				return false;
			}
		});
	}

	private String tail() throws IOException {
		List<String> lines = Files.readAllLines(log);
		return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
	}

	/** Surefire hides the real test classpath behind a manifest-only jar; prefer it. */
	private static String classpath() {
		String surefire = System.getProperty("surefire.test.class.path");
		return (surefire != null && !surefire.isBlank()) ? surefire : System.getProperty("java.class.path");
	}

	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
