package dev.ferry.auth;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import dev.ferry.crypto.SecureTokens;
import dev.ferry.testing.Api;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class ApiKeyIntegrationTests extends AuthIntegrationTest {

	@Test
	void createdKeyIsShownOnceStoredHashedAndWorksAsBearer() {
		Account user = createAccount("user");
		String token = user.token(api);
		String expiry = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();

		Api.Response created = api.post("/api/v1/auth/api-keys",
				Map.of("name", "backup job", "scopes", List.of("read", "write"), "expires_at", expiry), token);

		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode body = created.json();
		String key = body.get("key").asString();
		assertThat(key).startsWith("fy_").hasSize(46);
		assertThat(body.get("prefix").asString()).isEqualTo(key.substring(0, 11));
		assertThat(body.get("name").asString()).isEqualTo("backup job");
		assertThat(body.get("scopes").valueStream().map(JsonNode::asString)).containsExactly("read", "write");
		assertThat(body.get("expires_at").asString()).isEqualTo(expiry);
		assertThat(body.get("created_at").asString()).endsWith("Z");
		assertThat(jdbc.sql("SELECT key_hash FROM api_keys WHERE id = ?")
			.param(body.get("id").asString())
			.query(String.class)
			.single()).isEqualTo(SecureTokens.hash(key));

		Api.Response me = api.get("/api/v1/me", key);
		assertThat(me.status()).isEqualTo(200);
		assertThat(me.json().get("api_key_id").asString()).isEqualTo(body.get("id").asString());
		assertThat(me.json().get("scopes").valueStream().map(JsonNode::asString)).containsExactly("read", "write");
		assertThat(audits("auth.api_key_create"))
			.anySatisfy((row) -> assertThat(row.objectId()).isEqualTo(body.get("id").asString()));
	}

	@Test
	void listingNeverShowsTheKeyButShowsPrefixAndLastUse() {
		Account user = createAccount("user");
		String token = user.token(api);
		JsonNode created = createKey(token, "laptop", List.of("read"));
		assertThat(api.get("/api/v1/me", created.get("key").asString()).status()).isEqualTo(200);

		Api.Response list = api.get("/api/v1/auth/api-keys", token);

		assertThat(list.status()).isEqualTo(200);
		assertThat(list.body()).doesNotContain(created.get("key").asString()).doesNotContain("hash");
		JsonNode item = list.json().get("items").get(0);
		assertThat(item.get("id").asString()).isEqualTo(created.get("id").asString());
		assertThat(item.get("prefix").asString()).isEqualTo(created.get("prefix").asString());
		assertThat(item.has("key")).isFalse();
		assertThat(item.get("last_used_at").isNull()).isFalse();
		assertThat(item.get("expires_at").isNull()).isTrue();
	}

	@Test
	void revokedKeyStopsAtOnceAndTheRefusalIsAudited() {
		Account user = createAccount("user");
		String token = user.token(api);
		JsonNode created = createKey(token, "ci", List.of("read"));
		String key = created.get("key").asString();
		assertThat(api.get("/api/v1/me", key).status()).isEqualTo(200);

		assertThat(api.delete("/api/v1/auth/api-keys/" + created.get("id").asString(), token).status()).isEqualTo(204);

		Api.Response refused = api.get("/api/v1/me", key);
		assertThat(refused.status()).isEqualTo(401);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(api.get("/api/v1/auth/api-keys", token).json().get("items").size()).isZero();
		assertThat(audits("auth.api_key_revoke"))
			.anySatisfy((row) -> assertThat(row.objectId()).isEqualTo(created.get("id").asString()));
		assertThat(audits("auth.api_key_use")).anySatisfy((row) -> {
			assertThat(row.objectId()).isEqualTo(created.get("id").asString());
			assertThat(row.details()).contains("revoked");
		});
	}

	@Test
	void unknownKeyIs401() {
		assertThat(api.get("/api/v1/me", SecureTokens.generate("fy_")).status()).isEqualTo(401);
	}

	@Test
	void scopesCannotExceedTheRole() {
		String userToken = createAccount("user").token(api);
		String guestToken = createAccount("guest").token(api);

		Api.Response userAdmin = api.post("/api/v1/auth/api-keys", Map.of("name", "x", "scopes", List.of("admin")),
				userToken);
		Api.Response guestWrite = api.post("/api/v1/auth/api-keys",
				Map.of("name", "x", "scopes", List.of("read", "write")), guestToken);

		assertThat(userAdmin.status()).isEqualTo(403);
		assertThat(userAdmin.contentType()).startsWith("application/problem+json");
		assertThat(userAdmin.json().get("detail").asString()).contains("read, write, share");
		assertThat(guestWrite.status()).isEqualTo(403);
		assertThat(guestWrite.json().get("detail").asString()).contains("(guest)").contains("read");
		assertThat(createKey(guestToken, "reader", List.of("read")).get("scopes").get(0).asString()).isEqualTo("read");
	}

	@Test
	void badInputIsAFieldError() {
		String token = createAccount("user").token(api);

		Api.Response unknownScope = api.post("/api/v1/auth/api-keys", Map.of("name", "", "scopes", List.of("root")),
				token);
		Api.Response past = api.post("/api/v1/auth/api-keys",
				Map.of("name", "old", "scopes", List.of("read"), "expires_at", "2001-01-01T00:00:00Z"), token);
		Api.Response garbled = api.post("/api/v1/auth/api-keys",
				Map.of("name", "bad", "scopes", List.of("read"), "expires_at", "tomorrow"), token);
		Api.Response farFuture = api.post("/api/v1/auth/api-keys",
				Map.of("name", "far", "scopes", List.of("read"), "expires_at", "+300000000-01-01T00:00:00Z"), token);

		assertThat(farFuture.status()).as(farFuture.body()).isEqualTo(400);
		assertThat(fields(farFuture)).containsExactly("expires_at");
		assertThat(unknownScope.status()).isEqualTo(400);
		assertThat(fields(unknownScope)).contains("name", "scopes[0]");
		assertThat(past.status()).isEqualTo(400);
		assertThat(fields(past)).containsExactly("expires_at");
		assertThat(garbled.status()).isEqualTo(400);
		assertThat(fields(garbled)).containsExactly("expires_at");
	}

	@Test
	void anApiKeyCannotMintOrRevokeKeysNorEndSessions() {
		Account owner = createAccount("user");
		String token = owner.token(api);
		JsonNode created = createKey(token, "ci", List.of("read", "write"));
		String key = created.get("key").asString();

		assertThat(api.post("/api/v1/auth/api-keys", Map.of("name", "more", "scopes", List.of("read")), key).status())
			.isEqualTo(403);
		assertThat(api.delete("/api/v1/auth/api-keys/" + created.get("id").asString(), key).status()).isEqualTo(403);
		assertThat(api.delete("/api/v1/auth/sessions", key).status()).isEqualTo(403);
		assertThat(api.post("/api/v1/auth/logout", "", key).status()).isEqualTo(403);
		assertThat(api.get("/api/v1/auth/api-keys", key).status()).isEqualTo(200);
		for (String action : List.of("auth.api_key_create", "auth.api_key_revoke", "auth.session_revoke_others",
				"auth.logout")) {
			assertThat(audits(action)).as(action).anySatisfy((row) -> {
				assertThat(row.outcome()).isEqualTo("denied");
				assertThat(row.actorId()).isEqualTo(owner.id());
			});
		}
	}

	@Test
	void anotherUsersKeyIsNotFound() {
		String alice = createAccount("user").token(api);
		String bob = createAccount("user").token(api);
		JsonNode bobsKey = createKey(bob, "bob", List.of("read"));

		assertThat(api.delete("/api/v1/auth/api-keys/" + bobsKey.get("id").asString(), alice).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/me", bobsKey.get("key").asString()).status()).isEqualTo(200);
	}

	@Test
	void adminKeyNeedsTheAdminScopeForTheAdminApi() {
		Account admin = createAccount("admin");
		String token = admin.token(api);
		String readOnly = createKey(token, "reporting", List.of("read")).get("key").asString();
		String full = createKey(token, "provisioning", List.of("read", "admin")).get("key").asString();

		Api.Response denied = api.get("/api/v1/admin/users?limit=1", readOnly);
		Api.Response allowed = api.get("/api/v1/admin/users?limit=1", full);

		assertThat(denied.status()).isEqualTo(403);
		assertThat(denied.contentType()).startsWith("application/problem+json");
		assertThat(denied.json().get("detail").asString()).contains("'admin' scope");
		assertThat(allowed.status()).isEqualTo(200);
		assertThat(audits("admin.user_list")).anySatisfy((row) -> {
			assertThat(row.outcome()).isEqualTo("denied");
			assertThat(row.actorId()).isEqualTo(admin.id());
			assertThat(row.details()).contains("missing_admin_scope");
		});
	}

	@Test
	void demotingTheOwnerNarrowsTheKeyAtOnce() {
		Account admin = createAccount("admin");
		String key = createKey(admin.token(api), "ops", List.of("read", "admin")).get("key").asString();
		assertThat(api.get("/api/v1/admin/users?limit=1", key).status()).isEqualTo(200);

		assertThat(api.patch("/api/v1/admin/users/" + admin.id(), Map.of("role", "user"), adminToken()).status())
			.isEqualTo(200);

		assertThat(api.get("/api/v1/admin/users?limit=1", key).status()).isEqualTo(403);
		assertThat(api.get("/api/v1/me", key).json().get("scopes").valueStream().map(JsonNode::asString))
			.containsExactly("read");
	}

	private JsonNode createKey(String token, String name, List<String> scopes) {
		Api.Response created = api.post("/api/v1/auth/api-keys", Map.of("name", name, "scopes", scopes), token);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json();
	}

}
