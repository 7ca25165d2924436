package dev.ferry.auth;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import dev.ferry.testing.Api;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordResetIntegrationTests extends AccountMailTest {

	private static final String NEW_PASSWORD = "a-brand-new-passphrase-Qz9";

	@Test
	void knownAndUnknownAddressesGetTheSameAnswer() {
		String email = createUser("reset-same");

		Api.Response known = api.post("/api/v1/auth/password-reset", Map.of("email", email), null);
		Api.Response unknown = api.post("/api/v1/auth/password-reset",
				Map.of("email", "nobody-" + UUID.randomUUID() + "@ferry.test"), null);

		assertThat(known.status()).isEqualTo(202);
		assertThat(unknown.status()).isEqualTo(202);
		assertThat(known.body()).isEqualTo(unknown.body());
		assertThat(subject(mailTo(email, 1).get(0))).isEqualTo("Reset your Ferry password");
	}

	@Test
	void theMailedLinkSetsANewPasswordOnceAndEndsEverySession() {
		String email = createUser("reset-ok");
		JsonNode session = signIn(email, PASSWORD);

		String token = requestLink(email);
		Api.Response weak = confirm(token, "password1234");
		Api.Response done = confirm(token, NEW_PASSWORD);
		Api.Response again = confirm(token, NEW_PASSWORD + "x");

		assertThat(weak.status()).isEqualTo(400);
		assertThat(weak.json().get("errors").get(0).get("field").asString()).isEqualTo("password");
		assertThat(done.status()).as(done.body()).isEqualTo(204);
		assertThat(again.status()).isEqualTo(400);
		assertThat(again.json().get("type").asString()).isEqualTo("/problems/invalid-reset-token");
		assertThat(api.get("/api/v1/me", session.get("access_token").asString()).status()).isEqualTo(401);
		assertThat(
				api.post("/api/v1/auth/refresh", Map.of("refresh_token", session.get("refresh_token").asString()), null)
					.status())
			.isEqualTo(401);
		assertThat(api.post("/api/v1/auth/login", Map.of("email", email, "password", PASSWORD), null).status())
			.isEqualTo(401);
		assertThat(signIn(email, NEW_PASSWORD).has("access_token")).isTrue();
		assertThat(auditDetails("auth.password_reset")).isNotEmpty().noneMatch((details) -> details.contains(token));
	}

	@Test
	void theLinkDiesAfterThirtyMinutes() {
		String email = createUser("reset-late");
		String token = requestLink(email);

		clock.advance(Duration.ofMinutes(31));

		assertThat(confirm(token, NEW_PASSWORD).status()).isEqualTo(400);
	}

	@Test
	void theCurrentPasswordCannotBeSetAgain() {
		String email = createUser("reset-reuse");
		String token = requestLink(email);

		Api.Response reused = confirm(token, PASSWORD);

		assertThat(reused.status()).isEqualTo(400);
		assertThat(reused.json().get("errors").get(0).get("message").asString()).contains("last 5 passwords");
		String userId = jdbc.sql("SELECT id FROM users WHERE email = ?").param(email).query(String.class).single();
		assertThat(jdbc
			.sql("SELECT details FROM audit_log WHERE action = 'auth.password_reset' AND outcome = 'failure' "
					+ "AND object_id = ?")
			.param(userId)
			.query(String.class)
			.list()).as("the refusal is on the trail").singleElement().asString().contains("password_policy");
		assertThat(confirm(token, NEW_PASSWORD).status()).as("the token is still good").isEqualTo(204);
	}

	/**
	 * A link read in a compromised inbox must not undo the owner's own change of the
	 * password made after it was mailed.
	 */
	@Test
	void aPasswordChangedInTheAppRetiresTheLinksMailedBefore() {
		String email = createUser("reset-changed");
		String token = requestLink(email);
		String access = signIn(email, PASSWORD).get("access_token").asString();

		Api.Response changed = api.post("/api/v1/auth/password",
				Map.of("current_password", PASSWORD, "new_password", NEW_PASSWORD), access);

		assertThat(changed.status()).as(changed.body()).isEqualTo(204);
		Api.Response late = confirm(token, NEW_PASSWORD + "x");
		assertThat(late.status()).isEqualTo(400);
		assertThat(late.json().get("type").asString()).isEqualTo("/problems/invalid-reset-token");
	}

	private String requestLink(String email) {
		int before = received(email).size();
		assertThat(api.post("/api/v1/auth/password-reset", Map.of("email", email), null).status()).isEqualTo(202);
		MimeMessage message = mailTo(email, before + 1).get(before);
		return find(message, "/reset-password#token=([A-Za-z0-9_-]+)");
	}

	private Api.Response confirm(String token, String password) {
		return api.post("/api/v1/auth/password-reset/confirm", Map.of("token", token, "password", password), null);
	}

}
