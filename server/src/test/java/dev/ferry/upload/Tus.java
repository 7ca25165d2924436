package dev.ferry.upload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Collectors;

import dev.ferry.testing.Api;

/** Raw tus requests for protocol tests, so every header is visible in the test. */
final class Tus {

	static final String BASE = "/api/v1/uploads";

	private final Api api;

	private final HttpClient http = HttpClient.newHttpClient();

	Tus(Api api) {
		this.api = api;
	}

	HttpRequest.Builder request(String path, String token) {
		return api.builder(path, token).header("Tus-Resumable", "1.0.0");
	}

	Api.Response create(String token, long length, Map<String, String> metadata) {
		return api.send(request(BASE, token).header("Upload-Length", Long.toString(length))
			.header("Upload-Metadata", metadata(metadata))
			.POST(HttpRequest.BodyPublishers.noBody()));
	}

	Api.Response head(String location, String token) {
		return api.send(request(location, token).method("HEAD", HttpRequest.BodyPublishers.noBody()));
	}

	Api.Response patch(String location, String token, long offset, byte[] body) {
		return api.send(patchRequest(location, token, offset, body));
	}

	HttpRequest.Builder patchRequest(String location, String token, long offset, byte[] body) {
		return request(location, token).header("Content-Type", "application/offset+octet-stream")
			.header("Upload-Offset", Long.toString(offset))
			.method("PATCH", HttpRequest.BodyPublishers.ofByteArray(body));
	}

	/** The stored file's bytes, through the files module's download endpoint. */
	byte[] download(String fileId, String token) {
		try {
			HttpResponse<byte[]> response = http.send(
					api.builder("/api/v1/files/" + fileId + "/download", token).build(),
					HttpResponse.BodyHandlers.ofByteArray());
			if (response.statusCode() != 200) {
				throw new AssertionError("download of " + fileId + " answered " + response.statusCode());
			}
			return response.body();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	Api.Response delete(String location, String token) {
		return api.send(request(location, token).DELETE());
	}

	static String metadata(Map<String, String> values) {
		return values.entrySet()
			.stream()
			.map((entry) -> entry.getKey() + " "
					+ Base64.getEncoder().encodeToString(entry.getValue().getBytes(StandardCharsets.UTF_8)))
			.collect(Collectors.joining(","));
	}

	static String checksum(String jdkAlgorithm, byte[] bytes) {
		return Base64.getEncoder().encodeToString(digest(jdkAlgorithm, bytes));
	}

	static String sha256Hex(byte[] bytes) {
		return HexFormat.of().formatHex(digest("SHA-256", bytes));
	}

	static byte[] digest(String jdkAlgorithm, byte[] bytes) {
		try {
			return MessageDigest.getInstance(jdkAlgorithm).digest(bytes);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
