package dev.ferry.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small HTTP client for integration tests: JSON in, {@link Response} out. It speaks to
 * the real server over a socket, exactly like any other client would.
 */
public final class Api {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	private final String base;

	private final String localAddress;

	public Api(String base) {
		this(base, null);
	}

	private Api(String base, String localAddress) {
		this.base = base;
		this.localAddress = localAddress;
	}

	/**
	 * The same client, but connecting from {@code localAddress} (for example
	 * {@code 127.0.0.2}), so the server sees another client address.
	 */
	public Api from(String localAddress) {
		return new Api(base, localAddress);
	}

	public String base() {
		return base;
	}

	public Response get(String path, String token) {
		return send(builder(path, token).GET());
	}

	public Response delete(String path, String token) {
		return send(builder(path, token).DELETE());
	}

	public Response post(String path, Object body, String token) {
		return send(builder(path, token).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(toJson(body))));
	}

	public Response put(String path, Object body, String token) {
		return send(builder(path, token).header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(toJson(body))));
	}

	public Response patch(String path, Object body, String token) {
		return send(builder(path, token).header("Content-Type", "application/json")
			.method("PATCH", HttpRequest.BodyPublishers.ofString(toJson(body))));
	}

	/**
	 * Stores {@code content} as the file at {@code filePath} in the caller's library and
	 * returns its id, failing the test if the server refuses.
	 */
	public String putFile(String filePath, String content, String token) {
		Response response = send(
				builder("/api/v1/files/content?path=" + URLEncoder.encode(filePath, StandardCharsets.UTF_8), token)
					.PUT(HttpRequest.BodyPublishers.ofString(content)));
		if (response.status() != 201) {
			throw new AssertionError("upload of " + filePath + " failed: " + response);
		}
		return response.json().get("id").asString();
	}

	/** Sends any request; use it for raw bodies, odd methods or custom headers. */
	public Response send(HttpRequest.Builder request) {
		try {
			if (localAddress != null) {
				return BoundSocketHttp.send(localAddress, request.build());
			}
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.headers().map(), response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public HttpRequest.Builder builder(String path, String token) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path));
		if (token != null) {
			builder.header("Authorization", "Bearer " + token);
		}
		return builder;
	}

	/** Signs in and returns the access token, failing the test if sign-in fails. */
	public String login(String email, String password) {
		Response response = post("/api/v1/auth/login", Map.of("email", email, "password", password), null);
		if (response.status() != 200) {
			throw new AssertionError("login failed: " + response);
		}
		return response.json().get("access_token").asString();
	}

	private static String toJson(Object body) {
		return (body instanceof String text) ? text : JSON.writeValueAsString(body);
	}

	public record Response(int status, Map<String, java.util.List<String>> headers, String body) {

		public JsonNode json() {
			return JSON.readTree(body);
		}

		public String header(String name) {
			return headers.entrySet()
				.stream()
				.filter((e) -> e.getKey().equalsIgnoreCase(name))
				.map((e) -> e.getValue().get(0))
				.findFirst()
				.orElse(null);
		}

		public String contentType() {
			return header("Content-Type");
		}

	}

}
