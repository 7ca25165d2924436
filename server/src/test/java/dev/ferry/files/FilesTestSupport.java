package dev.ferry.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import dev.ferry.testing.Api;
import dev.ferry.testing.IntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the files integration tests share: fresh accounts (through the admin API),
 * uploads, and the real curl binary.
 */
abstract class FilesTestSupport extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	private String adminToken;

	record Account(UUID id, String email, String token) {
	}

	/** A fresh account with the default quota, made through the admin API. */
	Account newUser() {
		String email = "files-" + UUID.randomUUID() + "@ferry.test";
		String password = "password-" + UUID.randomUUID();
		Api.Response created = api.post("/api/v1/admin/users",
				Map.of("email", email, "password", password, "role", "user"), admin());
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return new Account(UUID.fromString(created.json().get("id").asString()), email, api.login(email, password));
	}

	void setQuota(Account account, long bytes) {
		Api.Response updated = api.patch("/api/v1/admin/users/" + account.id(), Map.of("quota_bytes", bytes), admin());
		assertThat(updated.status()).as(updated.body()).isEqualTo(200);
	}

	/** How many versions of each file the account keeps (the current one counts). */
	void keepVersions(Account account, int keep) {
		Api.Response updated = api.send(api.builder("/api/v1/admin/users/" + account.id() + "/file-versions", admin())
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString("{\"keep\": " + keep + "}")));
		assertThat(updated.status()).as(updated.body()).isEqualTo(200);
	}

	private String admin() {
		if (adminToken == null) {
			adminToken = adminToken();
		}
		return adminToken;
	}

	JsonNode put(Account account, String path, byte[] content) {
		Api.Response response = api.send(api.builder("/api/v1/files/content?path=" + encode(path), account.token())
			.PUT(HttpRequest.BodyPublishers.ofByteArray(content)));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json();
	}

	/** The body of a GET that must answer 200, as bytes. */
	byte[] fetch(Account user, String path) {
		return fetch(api.builder(path, user.token()).GET());
	}

	/** The body of a request that must answer 200, as bytes. */
	static byte[] fetch(HttpRequest.Builder request) {
		try {
			HttpResponse<byte[]> response = HttpClient.newHttpClient()
				.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
			assertThat(response.statusCode()).isEqualTo(200);
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

	/** 1 while the blob's wrapped data key exists, 0 once it was crypto-shredded. */
	long keyed(String blob) {
		return jdbc.sql("SELECT COUNT(*) FROM blobs WHERE id = ? AND wrapped_key IS NOT NULL")
			.param(blob)
			.query(Long.class)
			.single();
	}

	static String encode(String value) {
		return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static byte[] bytes(int size, int seed) {
		byte[] content = new byte[size];
		new java.util.Random(seed).nextBytes(content);
		return content;
	}

	record Curl(int exit, String out, String err) {
	}

	/** Runs the real curl against the test server; {@code -sS} is always on. */
	Curl curl(Path workDir, String... args) {
		List<String> command = new ArrayList<>(List.of("curl", "-sS"));
		command.addAll(List.of(args));
		try {
			Process process = new ProcessBuilder(command).directory(workDir.toFile()).start();
			process.getOutputStream().close();
			byte[] out = process.getInputStream().readAllBytes();
			byte[] err = process.getErrorStream().readAllBytes();
			assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("curl finished").isTrue();
			return new Curl(process.exitValue(), new String(out, StandardCharsets.UTF_8),
					new String(err, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static Path tempDir() {
		try {
			return Files.createTempDirectory("ferry-files-it-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	String url(String path) {
		return api.base() + path;
	}

}
