package dev.ferry.web;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.ferry.testing.Api;
import dev.ferry.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every name a user gives through the API (files, folders, groups, transfers, upload
 * requests, API keys, display names) refuses control and invisible text-direction
 * characters, and a JSON number or boolean where a name belongs: always a 400 problem,
 * nothing stored.
 */
class NameValidationIntegrationTests extends IntegrationTest {

	/** NUL, a newline, DEL, a C1 control and the right-to-left override. */
	private static final List<String> BAD = List.of("nul\u0000name", "two\nlines", "del\u007f", "c1\u0085",
			"invoice\u202Efdp.exe");

	@Autowired
	JdbcClient jdbc;

	@Test
	void groupNamesRefuseControlCharacters() {
		String token = adminToken();
		for (String name : BAD) {
			assertRefused(api.post("/api/v1/admin/groups", Map.of("name", name), token), "invalid-share-request",
					"name");
		}
		String group = api.post("/api/v1/admin/groups", Map.of("name", "ok-" + UUID.randomUUID()), token)
			.json()
			.get("id")
			.asString();
		assertRefused(api.patch("/api/v1/admin/groups/" + group, Map.of("name", "bad\u0000"), token),
				"invalid-share-request", "name");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM user_groups WHERE name LIKE 'nul%' OR name LIKE 'bad%'")
			.query(Long.class)
			.single()).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "123", "1.5", "true", "false" })
	void aNumberOrBooleanIsNotAName(String json) {
		String token = adminToken();
		long groupsBefore = jdbc.sql("SELECT COUNT(*) FROM user_groups").query(Long.class).single();

		assertWrongType(api.post("/api/v1/admin/groups", "{\"name\": " + json + "}", token), "name");
		assertWrongType(api.post("/api/v1/transfers", "{\"title\": " + json + ", \"file_ids\": []}", token), "title");
		assertWrongType(api.post("/api/v1/auth/api-keys", "{\"name\": " + json + ", \"scopes\": [\"read\"]}", token),
				"name");
		assertWrongType(api.patch("/api/v1/files/" + upload(token, "/typed-" + UUID.randomUUID() + ".txt"),
				"{\"name\": " + json + "}", token), "name");

		assertThat(jdbc.sql("SELECT COUNT(*) FROM user_groups").query(Long.class).single()).isEqualTo(groupsBefore);
	}

	@Test
	void fileAndFolderNamesRefuseControlCharacters() {
		String token = adminToken();
		for (String name : BAD) {
			Api.Response put = api.send(api
				.builder("/api/v1/files/content?path=" + URLEncoder.encode("/" + name, StandardCharsets.UTF_8), token)
				.PUT(HttpRequest.BodyPublishers.ofString("x")));
			assertThat(put.status()).as(name).isEqualTo(400);
			assertThat(put.json().get("type").asString()).isEqualTo("/problems/invalid-path");
		}
		String file = upload(token, "/names-" + UUID.randomUUID() + ".txt");
		for (String name : BAD) {
			assertRefused(api.patch("/api/v1/files/" + file, Map.of("name", name), token), "invalid-path", "file name");
			assertRefused(api.patch("/api/v1/files/" + file, Map.of("folder", "/docs/" + name), token), "invalid-path",
					"folder name");
		}
	}

	@Test
	void transferAndUploadRequestTitlesRefuseControlCharacters() {
		String token = adminToken();
		String file = upload(token, "/transfer-" + UUID.randomUUID() + ".txt");
		for (String title : BAD) {
			assertRefused(api.post("/api/v1/transfers", Map.of("title", title, "file_ids", List.of(file)), token),
					"invalid-share-request", "title");
			assertRefused(api.post("/api/v1/upload-requests",
					Map.of("title", title, "max_files", 1, "max_total_bytes", 10), token), "invalid-share-request",
					"title");
		}
		assertThat(jdbc.sql("SELECT COUNT(*) FROM transfers WHERE title LIKE 'nul%'").query(Long.class).single())
			.isZero();
	}

	@Test
	void apiKeyPasskeyAndDisplayNamesRefuseControlCharacters() {
		String token = adminToken();
		String userId = api
			.post("/api/v1/admin/users", Map.of("email", "renamed-" + UUID.randomUUID() + "@ferry.test", "password",
					"a-long-enough-password-7Qx"), token)
			.json()
			.get("id")
			.asString();
		for (String name : BAD) {
			assertValidation(
					api.post("/api/v1/auth/passkeys/registration", Map.of("credential", Map.of(), "name", name), token),
					"name");
			assertValidation(api.patch("/api/v1/admin/users/" + userId, Map.of("name", name), token), "name");
			Api.Response key = api.post("/api/v1/auth/api-keys", Map.of("name", name, "scopes", List.of("read")),
					token);
			assertValidation(key, "name");
			Api.Response user = api.post("/api/v1/admin/users",
					Map.of("email", "named-" + UUID.randomUUID() + "@ferry.test", "password",
							"a-long-enough-password-7Qx", "name", name),
					token);
			assertValidation(user, "name");
		}
	}

	private String upload(String token, String path) {
		Api.Response put = api
			.send(api.builder("/api/v1/files/content?path=" + URLEncoder.encode(path, StandardCharsets.UTF_8), token)
				.PUT(HttpRequest.BodyPublishers.ofString("content")));
		assertThat(put.status()).as(put.body()).isEqualTo(201);
		return put.json().get("id").asString();
	}

	private static void assertRefused(Api.Response response, String type, String what) {
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		JsonNode problem = response.json();
		assertThat(problem.get("type").asString()).isEqualTo("/problems/" + type);
		assertThat(problem.get("detail").asString()).contains(what)
			.containsAnyOf("control character", "text-direction");
	}

	private static void assertValidation(Api.Response response, String field) {
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("errors").valueStream()).anySatisfy((error) -> {
			assertThat(error.get("field").asString()).isEqualTo(field);
			assertThat(error.get("message").asString()).containsAnyOf("control character", "text-direction");
		});
	}

	private static void assertWrongType(Api.Response response, String field) {
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		JsonNode problem = response.json();
		assertThat(problem.get("type").asString()).isEqualTo("/problems/validation");
		assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo(field);
		assertThat(problem.get("errors").get(0).get("message").asString()).isEqualTo("must be a string");
	}

}
