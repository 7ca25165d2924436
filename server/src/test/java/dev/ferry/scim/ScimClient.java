package dev.ferry.scim;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import dev.ferry.testing.Api;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an identity provider's SCIM client sends: {@code application/scim+json} to
 * {@code /scim/v2} with an API key as bearer, over the real HTTP API.
 */
record ScimClient(Api api, String key) {

	static final String PASSWORD = "correct-horse-battery";

	static final String USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";

	static final String PATCH_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** A client with a new key with only the scim scope, made by {@code adminToken}. */
	static ScimClient withNewKey(Api api, String adminToken) {
		return new ScimClient(api, createKey(api, adminToken, List.of("scim")));
	}

	Api.Response send(String method, String path, Object body) {
		HttpRequest.Builder request = api.builder("/scim/v2" + path, key).header("Accept", "application/scim+json");
		if (body == null) {
			return api.send(request.method(method, HttpRequest.BodyPublishers.noBody()));
		}
		String json = (body instanceof String text) ? text : JSON.writeValueAsString(body);
		return api.send(request.header("Content-Type", "application/scim+json")
			.method(method, HttpRequest.BodyPublishers.ofString(json)));
	}

	static String createKey(Api api, String token, List<String> scopes) {
		Api.Response created = api.post("/api/v1/auth/api-keys", Map.of("name", "idp", "scopes", scopes), token);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("key").asString();
	}

	/** An account with {@link #PASSWORD}, made through the admin API; answers its id. */
	static String createAccount(Api api, String adminToken, String email) {
		Api.Response created = api.post("/api/v1/admin/users",
				Map.of("email", email, "password", PASSWORD, "role", "user", "name", "Bob"), adminToken);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	static String filter(String filter) {
		return URLEncoder.encode(filter, StandardCharsets.UTF_8);
	}

}
