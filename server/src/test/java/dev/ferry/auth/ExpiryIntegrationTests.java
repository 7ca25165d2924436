package dev.ferry.auth;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.ferry.testing.Api;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class ExpiryIntegrationTests extends TimeTravelTest {

	@Test
	void expiredAccessTokenIs401AndRefreshIssuesAWorkingOne() {
		String email = register("expiry-" + UUID.randomUUID() + "@ferry.test");
		JsonNode tokens = login(email);
		assertThat(api.get("/api/v1/me", tokens.get("access_token").asString()).status()).isEqualTo(200);

		clock.advance(Duration.ofMinutes(16));

		assertThat(api.get("/api/v1/me", tokens.get("access_token").asString()).status()).isEqualTo(401);
		Api.Response refreshed = api.post("/api/v1/auth/refresh",
				Map.of("refresh_token", tokens.get("refresh_token").asString()), tokens.get("access_token").asString());
		assertThat(refreshed.status()).as("a stale bearer sent along is ignored").isEqualTo(200);
		assertThat(api.get("/api/v1/me", refreshed.json().get("access_token").asString()).status()).isEqualTo(200);
	}

	@Test
	void sessionUnusedForLongerThanTheRefreshTtlEnds() {
		String email = register("idle-" + UUID.randomUUID() + "@ferry.test");
		JsonNode tokens = login(email);

		clock.advance(Duration.ofDays(31));

		Api.Response refreshed = api.post("/api/v1/auth/refresh",
				Map.of("refresh_token", tokens.get("refresh_token").asString()), null);
		assertThat(refreshed.status()).isEqualTo(401);
		assertThat(auditDetails("auth.refresh")).anySatisfy((details) -> assertThat(details).contains("session_ended"));
	}

	@Test
	void expiredApiKeyIs401() {
		String token = login(register("key-expiry-" + UUID.randomUUID() + "@ferry.test")).get("access_token")
			.asString();
		String expiry = clock.instant().plus(Duration.ofHours(1)).toString();
		String key = api
			.post("/api/v1/auth/api-keys", Map.of("name", "short", "scopes", List.of("read"), "expires_at", expiry),
					token)
			.json()
			.get("key")
			.asString();
		assertThat(api.get("/api/v1/me", key).status()).isEqualTo(200);

		clock.advance(Duration.ofHours(2));

		assertThat(api.get("/api/v1/me", key).status()).isEqualTo(401);
		assertThat(auditDetails("auth.api_key_use")).anySatisfy((details) -> assertThat(details).contains("expired"));
	}

	@Test
	void apiKeyLastUseIsWrittenAtMostOncePerMinute() {
		String token = login(register("key-touch-" + UUID.randomUUID() + "@ferry.test")).get("access_token").asString();
		JsonNode created = api.post("/api/v1/auth/api-keys", Map.of("name", "busy", "scopes", List.of("read")), token)
			.json();
		String key = created.get("key").asString();
		String id = created.get("id").asString();

		api.get("/api/v1/me", key);
		Long first = lastUsed(id);
		clock.advance(Duration.ofSeconds(30));
		api.get("/api/v1/me", key);
		Long unchanged = lastUsed(id);
		clock.advance(Duration.ofSeconds(31));
		api.get("/api/v1/me", key);

		assertThat(first).isNotNull();
		assertThat(unchanged).isEqualTo(first);
		assertThat(lastUsed(id)).isEqualTo(first + 61_000);
	}

	@Test
	void expiredInvitationIsRefused() {
		String email = "late-" + UUID.randomUUID() + "@ferry.test";
		String invitation = api.post("/api/v1/admin/invitations", Map.of("email", email, "role", "guest"), adminToken())
			.json()
			.get("token")
			.asString();

		clock.advance(Duration.ofDays(8));

		Api.Response response = api.post("/api/v1/auth/register",
				Map.of("email", email, "password", PASSWORD, "invitation_token", invitation), null);
		assertThat(response.status()).isEqualTo(403);
		assertThat(response.json().get("type").asString()).isEqualTo("/problems/invalid-invitation");
	}

	@Test
	void lockedOutClientGetsOneAttemptBackPerRefillInterval() {
		String email = register("throttle-" + UUID.randomUUID() + "@ferry.test");
		for (int i = 0; i < 10; i++) {
			assertThat(attempt(email, "wrong-" + i).status()).isEqualTo(401);
		}
		Api.Response limited = attempt(email, "wrong");
		assertThat(limited.status()).isEqualTo(429);
		assertThat(limited.header("Retry-After")).isEqualTo("90");

		clock.advance(Duration.ofSeconds(90));

		assertThat(attempt(email, "wrong").status()).isEqualTo(401);
		assertThat(attempt(email, PASSWORD).status()).isEqualTo(429);
		clock.advance(Duration.ofMinutes(15));
		assertThat(attempt(email, PASSWORD).status()).isEqualTo(200);
	}

	private Long lastUsed(String keyId) {
		return jdbc.sql("SELECT last_used_at FROM api_keys WHERE id = ?").param(keyId).query(Long.class).single();
	}

	private JsonNode login(String email) {
		Api.Response response = attempt(email, PASSWORD);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	private Api.Response attempt(String email, String password) {
		return api.post("/api/v1/auth/login", Map.of("email", email, "password", password), null);
	}

}
