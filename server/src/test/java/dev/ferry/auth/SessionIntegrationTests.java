package dev.ferry.auth;

import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.Map;

import dev.ferry.testing.Api;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class SessionIntegrationTests extends AuthIntegrationTest {

	@Test
	void sessionsListShowsDevicesAndMarksTheCurrentOne() {
		Account user = createAccount("user");
		String laptop = loginWithAgent(user, "Laptop/1.0").get("access_token").asString();
		loginWithAgent(user, "Phone/2.0");

		Api.Response list = api.get("/api/v1/auth/sessions", laptop);

		assertThat(list.status()).isEqualTo(200);
		JsonNode items = list.json().get("items");
		assertThat(items.size()).isEqualTo(2);
		JsonNode current = items.valueStream().filter((s) -> s.get("current").asBoolean()).findFirst().orElseThrow();
		assertThat(current.get("user_agent").asString()).isEqualTo("Laptop/1.0");
		assertThat(current.get("ip").asString()).isEqualTo("127.0.0.1");
		assertThat(current.get("created_at").asString()).endsWith("Z");
		assertThat(current.get("last_used_at").asString()).endsWith("Z");
		assertThat(items.valueStream()
			.filter((s) -> !s.get("current").asBoolean())
			.findFirst()
			.orElseThrow()
			.get("user_agent")
			.asString()).isEqualTo("Phone/2.0");
	}

	@Test
	void revokingASessionStopsItsAccessTokenAtOnce() {
		Account user = createAccount("user");
		String keep = signIn(user.email()).get("access_token").asString();
		JsonNode other = signIn(user.email());
		String otherAccess = other.get("access_token").asString();
		String otherId = sessionIdOf(keep, false);

		Api.Response revoke = api.delete("/api/v1/auth/sessions/" + otherId, keep);

		assertThat(revoke.status()).isEqualTo(204);
		assertThat(api.get("/api/v1/me", otherAccess).status()).isEqualTo(401);
		assertThat(api.get("/api/v1/me", keep).status()).isEqualTo(200);
		assertThat(
				api.post("/api/v1/auth/refresh", Map.of("refresh_token", other.get("refresh_token").asString()), null)
					.status())
			.isEqualTo(401);
		assertThat(audits("auth.session_revoke")).anySatisfy((row) -> assertThat(row.objectId()).isEqualTo(otherId));
	}

	@Test
	void anotherUsersSessionIsNotFound() {
		Account alice = createAccount("user");
		Account bob = createAccount("user");
		String aliceToken = alice.token(api);
		String bobToken = bob.token(api);
		String bobSession = sessionIdOf(bobToken, true);

		Api.Response response = api.delete("/api/v1/auth/sessions/" + bobSession, aliceToken);

		assertThat(response.status()).isEqualTo(404);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(api.get("/api/v1/me", bobToken).status()).isEqualTo(200);
	}

	@Test
	void signOutEverywhereElseKeepsOnlyTheCurrentSession() {
		Account user = createAccount("user");
		String first = signIn(user.email()).get("access_token").asString();
		String second = signIn(user.email()).get("access_token").asString();
		String current = signIn(user.email()).get("access_token").asString();

		assertThat(api.delete("/api/v1/auth/sessions", current).status()).isEqualTo(204);

		assertThat(api.get("/api/v1/me", first).status()).isEqualTo(401);
		assertThat(api.get("/api/v1/me", second).status()).isEqualTo(401);
		assertThat(api.get("/api/v1/auth/sessions", current).json().get("items").size()).isEqualTo(1);
	}

	@Test
	void refreshUpdatesLastUsedAt() {
		Account user = createAccount("user");
		JsonNode tokens = signIn(user.email());
		jdbc.sql("UPDATE sessions SET last_used_at = 1000 WHERE user_id = ?").param(user.id()).update();
		long beforeRefresh = System.currentTimeMillis();

		JsonNode refreshed = api
			.post("/api/v1/auth/refresh", Map.of("refresh_token", tokens.get("refresh_token").asString()), null)
			.json();

		JsonNode session = api.get("/api/v1/auth/sessions", refreshed.get("access_token").asString())
			.json()
			.get("items")
			.get(0);
		assertThat(Instant.parse(session.get("last_used_at").asString()).toEpochMilli())
			.isGreaterThanOrEqualTo(beforeRefresh);
	}

	@Test
	void invalidSessionIdIsABadRequest() {
		Api.Response response = api.delete("/api/v1/auth/sessions/not-a-uuid", adminToken());
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
	}

	private JsonNode loginWithAgent(Account user, String agent) {
		Api.Response response = api.send(api.builder("/api/v1/auth/login", null)
			.header("Content-Type", "application/json")
			.header("User-Agent", agent)
			.POST(HttpRequest.BodyPublishers
				.ofString("{\"email\":\"" + user.email() + "\",\"password\":\"" + PASSWORD + "\"}")));
		assertThat(response.status()).isEqualTo(200);
		return response.json();
	}

	private String sessionIdOf(String token, boolean current) {
		return api.get("/api/v1/auth/sessions", token)
			.json()
			.get("items")
			.valueStream()
			.filter((s) -> s.get("current").asBoolean() == current)
			.findFirst()
			.orElseThrow()
			.get("id")
			.asString();
	}

}
