package dev.ferry.auth;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import dev.ferry.auth.session.MfaLoginService;
import dev.ferry.testing.Api;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A password change ends the sign-ins that checked the old password: those waiting for
 * their second factor, and one whose check ran just before the change committed.
 */
class PasswordChangeSignInIntegrationTests extends TimeTravelTest {

	private static final String NEW_PASSWORD = "changed-passphrase-Vw3-" + UUID.randomUUID();

	@Autowired
	MfaLoginService signIns;

	@Autowired
	UserRepository users;

	private final TwoFactorIntegrationTests twoFactor = new TwoFactorIntegrationTests();

	@Test
	void aSignInWaitingForItsSecondFactorEndsWithTheOldPassword() {
		bindTwoFactorHelpers();
		String email = register("change-mfa-" + UUID.randomUUID() + "@ferry.test");
		String secret = twoFactor.enroll(email);
		clock.advance(Duration.ofSeconds(30));
		String owner = twoFactor.mfa(twoFactor.passwordStep(email), twoFactor.code(secret))
			.json()
			.get("access_token")
			.asString();
		JsonNode pending = twoFactor.passwordStep(email);
		assertThat(pending.get("mfa_required").asBoolean()).isTrue();

		Api.Response changed = api.post("/api/v1/auth/password",
				Map.of("current_password", PASSWORD, "new_password", NEW_PASSWORD), owner);
		clock.advance(Duration.ofSeconds(30));
		Api.Response finished = twoFactor.mfa(pending, twoFactor.code(secret));

		assertThat(changed.status()).as(changed.body()).isEqualTo(204);
		assertThat(finished.status()).as(finished.body()).isEqualTo(401);
		assertThat(finished.json().has("access_token")).isFalse();
		assertThat(api.get("/api/v1/me", owner).status()).as("the changing session stays").isEqualTo(200);
	}

	@Test
	void aPasswordCheckedBeforeAChangeOpensNoSession() {
		String email = register("change-race-" + UUID.randomUUID() + "@ferry.test");
		User checked = users.findByEmail(email).orElseThrow();
		String owner = api.login(email, PASSWORD);
		Api.Response changed = api.post("/api/v1/auth/password",
				Map.of("current_password", PASSWORD, "new_password", NEW_PASSWORD), owner);
		assertThat(changed.status()).as(changed.body()).isEqualTo(204);
		long sessionsBefore = liveSessions(checked.id());

		assertThatThrownBy(
				() -> signIns.afterFirstFactor(checked, new ClientInfo("127.0.0.1", "test", null), false, "password"))
			.isInstanceOfSatisfying(AuthException.class,
					(refused) -> assertThat(refused.slug()).isEqualTo("invalid-credentials"));

		assertThat(liveSessions(checked.id())).isEqualTo(sessionsBefore);
		assertThat(auditDetails("auth.login"))
			.anySatisfy((details) -> assertThat(details).contains("password_changed").contains(email));
		assertThat(api.login(email, NEW_PASSWORD)).as("the new password signs in").isNotBlank();
	}

	private long liveSessions(UUID userId) {
		return jdbc.sql("SELECT COUNT(*) FROM sessions WHERE user_id = ? AND revoked_at IS NULL")
			.param(userId.toString())
			.query(Long.class)
			.single();
	}

	/** The TOTP helpers of {@link TwoFactorIntegrationTests}, on this class's server. */
	private void bindTwoFactorHelpers() {
		twoFactor.api = api;
		twoFactor.clock = clock;
	}

}
