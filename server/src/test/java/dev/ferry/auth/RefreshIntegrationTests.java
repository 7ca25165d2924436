package dev.ferry.auth;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.ferry.auth.AuthIntegrationTest.Account;
import dev.ferry.auth.AuthIntegrationTest.AuditRow;
import dev.ferry.crypto.SecureTokens;
import dev.ferry.testing.Api;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Refresh-token rotation on the time-travel server: reuse detection depends on how long
 * ago a token was rotated, so the tests move the clock past the grace instead of waiting.
 */
class RefreshIntegrationTests extends TimeTravelTest {

	@Test
	void refreshRotatesTheTokenPairAndTheNewPairWorks() {
		Account user = createAccount("user");
		JsonNode first = signIn(user.email());
		assertThat(first.get("token_type").asString()).isEqualTo("Bearer");
		assertThat(first.get("expires_in").asLong()).isPositive();

		Api.Response refreshed = refresh(first.get("refresh_token").asString());

		assertThat(refreshed.status()).isEqualTo(200);
		JsonNode second = refreshed.json();
		assertThat(second.get("refresh_token").asString()).isNotEqualTo(first.get("refresh_token").asString())
			.hasSize(43);
		assertThat(api.get("/api/v1/me", second.get("access_token").asString()).status()).isEqualTo(200);
		assertThat(refresh(second.get("refresh_token").asString()).status()).isEqualTo(200);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM refresh_tokens WHERE token_hash = ?")
			.param(SecureTokens.hash(second.get("refresh_token").asString()))
			.query(Long.class)
			.single()).as("stored only as a hash").isEqualTo(1);
		assertThat(audits("auth.refresh")).anySatisfy((row) -> {
			assertThat(row.outcome()).isEqualTo("success");
			assertThat(row.actorId()).isEqualTo(user.id());
		});
	}

	@Test
	void reusingARotatedRefreshTokenRevokesTheWholeSession() {
		Account user = createAccount("user");
		JsonNode first = signIn(user.email());
		JsonNode second = refresh(first.get("refresh_token").asString()).json();
		String access = second.get("access_token").asString();
		assertThat(api.get("/api/v1/me", access).status()).isEqualTo(200);
		clock.advance(Duration.ofSeconds(11));

		Api.Response replay = refresh(first.get("refresh_token").asString());

		assertThat(replay.status()).isEqualTo(401);
		assertThat(replay.contentType()).startsWith("application/problem+json");
		assertThat(replay.json().get("type").asString()).isEqualTo("/problems/invalid-refresh-token");
		assertThat(api.get("/api/v1/me", access).status()).as("the family's access token").isEqualTo(401);
		assertThat(refresh(second.get("refresh_token").asString()).status()).as("the family's newest refresh token")
			.isEqualTo(401);
		assertThat(audits("auth.refresh_reuse")).anySatisfy((row) -> {
			assertThat(row.outcome()).isEqualTo("denied");
			assertThat(row.actorId()).isEqualTo(user.id());
		});
	}

	@Test
	void aRotatedRefreshTokenPresentedAgainWithinTheGraceRefreshesTheSameSession() {
		Account user = createAccount("user");
		JsonNode first = signIn(user.email());
		JsonNode lost = refresh(first.get("refresh_token").asString()).json();
		clock.advance(Duration.ofSeconds(9));

		Api.Response again = refresh(first.get("refresh_token").asString());

		assertThat(again.status()).as(again.body()).isEqualTo(200);
		JsonNode current = again.json();
		assertThat(current.get("refresh_token").asString()).isNotEqualTo(lost.get("refresh_token").asString())
			.isNotEqualTo(first.get("refresh_token").asString());
		assertThat(api.get("/api/v1/me", current.get("access_token").asString()).status()).isEqualTo(200);
		assertThat(api.get("/api/v1/me", lost.get("access_token").asString()).status())
			.as("the same session, not revoked")
			.isEqualTo(200);
		assertThat(refresh(current.get("refresh_token").asString()).status()).isEqualTo(200);
		assertThat(audits("auth.refresh_reuse")).noneSatisfy((row) -> assertThat(row.actorId()).isEqualTo(user.id()));
		assertThat(audits("auth.refresh")).anySatisfy((row) -> {
			assertThat(row.outcome()).isEqualTo("success");
			assertThat(row.actorId()).isEqualTo(user.id());
			assertThat(row.details()).contains("grace");
		});
	}

	@Test
	void unknownRefreshTokenIsRefused() {
		Api.Response response = refresh(SecureTokens.generate(""));
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.json().get("type").asString()).isEqualTo("/problems/invalid-refresh-token");
	}

	@Test
	void refreshWithoutAnyTokenIsAFieldError() {
		Api.Response response = api.post("/api/v1/auth/refresh", Map.of(), null);
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("refresh_token");
	}

	@Test
	void logoutEndsTheSessionAtOnce() {
		Account user = createAccount("user");
		JsonNode tokens = signIn(user.email());
		String access = tokens.get("access_token").asString();

		Api.Response logout = api.post("/api/v1/auth/logout", "", access);

		assertThat(logout.status()).isEqualTo(204);
		Api.Response me = api.get("/api/v1/me", access);
		assertThat(me.status()).isEqualTo(401);
		assertThat(me.contentType()).startsWith("application/problem+json");
		assertThat(refresh(tokens.get("refresh_token").asString()).status()).isEqualTo(401);
		assertThat(audits("auth.logout")).anySatisfy((row) -> assertThat(row.actorId()).isEqualTo(user.id()));
	}

	@Test
	void logoutWithoutCredentialsIs401() {
		Api.Response response = api.post("/api/v1/auth/logout", "", null);
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.contentType()).startsWith("application/problem+json");
	}

	@Test
	void suspendedUsersCannotRefresh() {
		Account user = createAccount("user");
		JsonNode tokens = signIn(user.email());
		assertThat(api.post("/api/v1/admin/users/" + user.id() + "/suspend", "", adminToken()).status()).isEqualTo(200);

		assertThat(refresh(tokens.get("refresh_token").asString()).status()).isEqualTo(401);
	}

	private Account createAccount(String role) {
		String email = role + "-" + UUID.randomUUID() + "@ferry.test";
		Api.Response created = api.post("/api/v1/admin/users",
				Map.of("email", email, "password", PASSWORD, "role", role), adminToken());
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return new Account(created.json().get("id").asString(), email);
	}

	private JsonNode signIn(String email) {
		Api.Response response = api.post("/api/v1/auth/login", Map.of("email", email, "password", PASSWORD), null);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	private List<AuditRow> audits(String action) {
		return jdbc
			.sql("SELECT outcome, actor_id, object_id, details FROM audit_log WHERE action = ? ORDER BY seq DESC")
			.param(action)
			.query((rs, i) -> new AuditRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.list();
	}

	private Api.Response refresh(String refreshToken) {
		return api.post("/api/v1/auth/refresh", Map.of("refresh_token", refreshToken), null);
	}

}
