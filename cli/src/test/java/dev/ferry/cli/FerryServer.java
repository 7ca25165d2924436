package dev.ferry.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import dev.ferry.testing.FerryProcess;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The built server jar ({@code server/target/ferry.jar}) as a child process, started once
 * for all CLI test classes of the run (JUnit's root store closes it at the end), on a
 * fresh data directory with an admin account. Started by the server's own test starter,
 * {@link FerryProcess}, from the server's test-jar.
 */
final class FerryServer implements BeforeAllCallback {

	static final String ADMIN_EMAIL = FerryProcess.ADMIN_EMAIL;

	static final String ADMIN_PASSWORD = FerryProcess.ADMIN_PASSWORD;

	private static final FerryServer SHARED = new FerryServer();

	private static volatile FerryProcess process;

	/** The server all tests share; the extension has started it. */
	static FerryServer get() {
		return SHARED;
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		context.getRoot()
			.getStore(ExtensionContext.Namespace.GLOBAL)
			.computeIfAbsent(FerryServer.class, (key) -> start(), FerryProcess.class);
	}

	private static FerryProcess start() {
		Path jar = Path.of(System.getProperty("ferry.server.jar", "../server/target/ferry.jar"));
		try {
			process = FerryProcess.fromJar(jar).start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return process;
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
		return process.base();
	}

}
