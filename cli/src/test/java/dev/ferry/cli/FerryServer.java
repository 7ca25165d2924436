package dev.ferry.cli;

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
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import static org.awaitility.Awaitility.await;

/**
 * The built server jar ({@code server/target/ferry.jar}) as a child process, started once
 * for all CLI test classes of the run (JUnit's root store closes it at the end), on a
 * fresh data directory with an admin account.
 */
final class FerryServer implements BeforeAllCallback, AutoCloseable {

	static final String ADMIN_EMAIL = "cli-admin@ferry.test";

	static final String ADMIN_PASSWORD = "cli-admin-password-for-tests";

	private static volatile FerryServer running;

	private Process process;

	private int port;

	private Path log;

	private Path dataDir;

	/** The server all tests share; the extension has started it. */
	static FerryServer get() {
		return running;
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		context.getRoot()
			.getStore(ExtensionContext.Namespace.GLOBAL)
			.computeIfAbsent(FerryServer.class, (key) -> start(), FerryServer.class);
	}

	private static FerryServer start() {
		Path jar = Path.of(System.getProperty("ferry.server.jar", "../server/target/ferry.jar"));
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException(jar.toAbsolutePath()
					+ " is missing: build the server first (./mvnw -pl server package -DskipTests), "
					+ "or run the whole reactor");
		}
		FerryServer server = new FerryServer();
		try {
			server.dataDir = Files.createTempDirectory("ferry-cli-server");
			server.log = server.dataDir.resolve("server.log");
			server.port = freePort();
			ProcessBuilder builder = new ProcessBuilder(
					Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m", "-jar",
					jar.toAbsolutePath().toString());
			builder.environment().put("FERRY_DATA_DIR", server.dataDir.resolve("data").toString());
			builder.environment().put("FERRY_PORT", Integer.toString(server.port));
			builder.environment().put("FERRY_BIND", "127.0.0.1");
			builder.environment().put("FERRY_ADMIN_EMAIL", ADMIN_EMAIL);
			builder.environment().put("FERRY_ADMIN_PASSWORD", ADMIN_PASSWORD);
			builder.redirectErrorStream(true).redirectOutput(server.log.toFile());
			server.process = builder.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		server.awaitHealthy();
		running = server;
		return server;
	}

	/**
	 * A fresh access token of the admin, for what a test checks through the API itself.
	 */
	String adminToken() throws IOException, InterruptedException {
		return token(ADMIN_EMAIL, ADMIN_PASSWORD);
	}

	String token(String email, String password) throws IOException, InterruptedException {
		HttpResponse<String> login = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/auth/login"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers
					.ofString(Json.write(Json.object().put("email", email).put("password", password))))
				.build(), HttpResponse.BodyHandlers.ofString());
		return Json.parse(login.body()).path("access_token").asString();
	}

	String base() {
		return "http://127.0.0.1:" + port;
	}

	@Override
	public void close() throws InterruptedException {
		if (process.isAlive()) {
			process.destroy();
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
		}
	}

	private void awaitHealthy() {
		HttpClient http = HttpClient.newHttpClient();
		await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() -> {
			if (!process.isAlive()) {
				throw new AssertionError("The server exited with " + process.exitValue() + ":\n" + tail());
			}
			try {
				return http
					.send(HttpRequest.newBuilder(URI.create(base() + "/health")).build(),
							HttpResponse.BodyHandlers.discarding())
					.statusCode() == 200;
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

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
