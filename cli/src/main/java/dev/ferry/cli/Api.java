package dev.ferry.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;

/**
 * The Ferry HTTP API with the saved credentials: JSON in and out, problems as
 * {@link CliException}s, and one silent token refresh when the access token expired.
 */
final class Api {

	private final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(15))
		.followRedirects(HttpClient.Redirect.NORMAL)
		.build();

	private final Config config;

	private final String server;

	private volatile Credentials credentials;

	private Api(Config config, String server, Credentials credentials) {
		this.config = config;
		this.server = server;
		this.credentials = credentials;
	}

	/** For commands that need an account: fails with a sentence when nobody signed in. */
	static Api signedIn(Config config) {
		Credentials credentials = config.credentials()
			.orElseThrow(() -> new CliException(ExitCode.AUTH, "You are not signed in. Run: ferry login URL"));
		return new Api(config, credentials.server(), credentials);
	}

	/** For {@code ferry login}: no credentials yet. */
	static Api anonymous(Config config, String server) {
		return new Api(config, server, null);
	}

	String server() {
		return server;
	}

	Credentials credentials() {
		return credentials;
	}

	String authorization() {
		return "Bearer " + credentials.bearer();
	}

	URI uri(String path) {
		return URI.create(server + path);
	}

	static String query(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	JsonNode get(String path) {
		return json(() -> HttpRequest.newBuilder(uri(path)).GET());
	}

	JsonNode post(String path, JsonNode body) {
		return json(() -> HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(Json.write(body))));
	}

	JsonNode patch(String path, JsonNode body) {
		return json(() -> HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.method("PATCH", HttpRequest.BodyPublishers.ofString(Json.write(body))));
	}

	void delete(String path) {
		json(() -> HttpRequest.newBuilder(uri(path)).DELETE());
	}

	/** Checks the token once before long work (uploads) and refreshes it if needed. */
	JsonNode me() {
		return get("/api/v1/me");
	}

	/** A streamed answer; the caller checks the status (2xx, 206, 416...). */
	HttpResponse<InputStream> stream(Supplier<HttpRequest.Builder> request, boolean authenticated) {
		return send(request, HttpResponse.BodyHandlers.ofInputStream(), authenticated);
	}

	private JsonNode json(Supplier<HttpRequest.Builder> request) {
		HttpResponse<String> response = send(() -> request.get().header("Accept", "application/json"),
				HttpResponse.BodyHandlers.ofString(), true);
		return check(response);
	}

	static JsonNode check(HttpResponse<String> response) {
		if (response.statusCode() / 100 != 2) {
			throw Problems.of(response.statusCode(), response.body());
		}
		return Json.parse(response.body());
	}

	/** Without the saved credentials (sign-in calls). */
	HttpResponse<String> sendAnonymous(HttpRequest.Builder request) {
		return send(() -> request, HttpResponse.BodyHandlers.ofString(), false);
	}

	private <T> HttpResponse<T> send(Supplier<HttpRequest.Builder> request, HttpResponse.BodyHandler<T> body,
			boolean authenticated) {
		String used = authenticated ? credentials.bearer() : null;
		HttpResponse<T> response = exchange(request.get(), body, authenticated);
		if (authenticated && response.statusCode() == 401 && credentials.refreshToken() != null) {
			close(response);
			refreshAfter(used);
			response = exchange(request.get(), body, true);
		}
		return response;
	}

	private <T> HttpResponse<T> exchange(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body,
			boolean authenticated) {
		if (authenticated) {
			request.header("Authorization", authorization());
		}
		request.header("User-Agent", "ferry-cli");
		try {
			return http.send(request.build(), body);
		}
		catch (IOException ex) {
			throw unreachable(server, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new CliException(ExitCode.ERROR, "Interrupted.");
		}
	}

	static CliException unreachable(String server, IOException ex) {
		String reason = (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
		return new CliException(ExitCode.UNAVAILABLE, "Could not reach " + server + " (" + reason + ").");
	}

	/**
	 * Refreshes the session unless another thread already did since {@code used} was
	 * refused: presenting a rotated refresh token again would end the whole session.
	 */
	synchronized void refreshAfter(String used) {
		if (credentials.refreshToken() == null || !credentials.bearer().equals(used)) {
			return;
		}
		JsonNode body = Json.object().put("refresh_token", credentials.refreshToken());
		HttpResponse<String> response = exchange(
				HttpRequest.newBuilder(uri("/api/v1/auth/refresh"))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(Json.write(body))),
				HttpResponse.BodyHandlers.ofString(), false);
		if (response.statusCode() != 200) {
			throw new CliException(ExitCode.AUTH,
					"Your session on " + server + " has ended. Sign in again: ferry login " + server);
		}
		JsonNode tokens = Json.parse(response.body());
		credentials = credentials.refreshed(tokens.path("access_token").asString(),
				tokens.path("refresh_token").asString());
		config.save(credentials);
	}

	private static void close(HttpResponse<?> response) {
		if (response.body() instanceof InputStream stream) {
			try {
				stream.close();
			}
			catch (IOException ex) {
				// the answer is dropped anyway
			}
		}
	}

}
