package dev.ferry.auth;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import dev.ferry.testing.Api;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Wrong second-factor codes are limited per account whatever the address, and on every
 * endpoint that checks one.
 */
class TwoFactorLimitsIntegrationTests extends TimeTravelTest {

	private final Map<String, String> recoveryCodes = new HashMap<>();

	@Test
	void theTotpStepIsLimitedPerAccountWhateverTheAddress() {
		String email = register("mfa-limit-" + UUID.randomUUID() + "@ferry.test");
		String secret = enroll(email);
		clock.advance(Duration.ofSeconds(30));
		List<String> tickets = new ArrayList<>();
		for (int i = 1; i <= 6; i++) {
			Api.Response step = api.from("127.0.3." + i)
				.post("/api/v1/auth/login", Map.of("email", email, "password", PASSWORD), null);
			assertThat(step.status()).as(step.body()).isEqualTo(200);
			tickets.add(step.json().get("mfa_token").asString());
		}
		for (int i = 0; i < 5; i++) {
			for (int j = 0; j < 4; j++) {
				assertThat(mfa("127.0.3." + (i + 1), tickets.get(i), wrongCode(secret)).status()).isEqualTo(401);
			}
		}

		Api.Response right = mfa("127.0.3.6", tickets.get(5), TotpCodes.at(secret, clock.instant()));

		assertThat(right.status()).as(right.body()).isEqualTo(429);
		assertThat(right.json().get("type").asString()).isEqualTo("/problems/too-many-attempts");
		assertThat(right.header("Retry-After")).isNotNull();
		assertThat(auditDetails("auth.mfa")).anySatisfy((details) -> assertThat(details).contains("rate_limited"));
	}

	@Test
	void wrongCodesWhenConfirmingAnAuthenticatorGet429() {
		String email = register("verify-limit-" + UUID.randomUUID() + "@ferry.test");
		String token = accessToken(email);
		String secret = api.post("/api/v1/auth/2fa/enable", Map.of(), token).json().get("secret").asString();

		assertLimited("/api/v1/auth/2fa/verify", () -> Map.of("code", wrongCode(secret)), token);
		assertThat(api.post("/api/v1/auth/2fa/verify", Map.of("code", TotpCodes.at(secret, clock.instant())), token)
			.status()).as("even the right code").isEqualTo(429);
	}

	@Test
	void wrongCodesForNewRecoveryCodesGet429() {
		String email = register("recovery-limit-" + UUID.randomUUID() + "@ferry.test");
		String secret = enroll(email);
		String token = mfa("127.0.0.1", passwordStep(email).get("mfa_token").asString(), recoveryCodeOf(email)).json()
			.get("access_token")
			.asString();

		assertLimited("/api/v1/auth/2fa/recovery-codes", () -> Map.of("code", wrongCode(secret)), token);
	}

	@Test
	void wrongCodesWhenTurningTheAuthenticatorOffGet429() {
		String email = register("disable-limit-" + UUID.randomUUID() + "@ferry.test");
		String secret = enroll(email);
		String token = mfa("127.0.0.1", passwordStep(email).get("mfa_token").asString(), recoveryCodeOf(email)).json()
			.get("access_token")
			.asString();

		assertLimited("/api/v1/auth/2fa/disable", () -> Map.of("password", PASSWORD, "code", wrongCode(secret)), token);
	}

	private void assertLimited(String path, Supplier<Map<String, String>> body, String token) {
		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < 11; i++) {
			statuses.add(api.post(path, body.get(), token).status());
		}
		assertThat(statuses.subList(0, 10)).containsOnly(401);
		Api.Response limited = api.post(path, body.get(), token);
		assertThat(limited.status()).as(limited.body()).isEqualTo(429);
		assertThat(limited.json().get("type").asString()).isEqualTo("/problems/too-many-attempts");
		assertThat(limited.header("Retry-After")).isNotNull();
	}

	private Api.Response mfa(String address, String ticket, String code) {
		return api.from(address).post("/api/v1/auth/login/mfa", Map.of("mfa_token", ticket, "code", code), null);
	}

	/** A six-digit code no authenticator shows now, a step before or a step after. */
	private String wrongCode(String secret) {
		Set<String> near = Set.of(TotpCodes.at(secret, clock.instant().minusSeconds(30)),
				TotpCodes.at(secret, clock.instant()), TotpCodes.at(secret, clock.instant().plusSeconds(30)));
		for (int candidate = 0;; candidate++) {
			String code = String.format("%06d", candidate);
			if (!near.contains(code)) {
				return code;
			}
		}
	}

	private String recoveryCodeOf(String email) {
		return recoveryCodes.remove(email);
	}

	/** Enrolls TOTP and keeps one recovery code for signing in without a fresh step. */
	private String enroll(String email) {
		JsonNode login = passwordStep(email);
		String token = login.get("access_token").asString();
		String secret = api.post("/api/v1/auth/2fa/enable", Map.of(), token).json().get("secret").asString();
		Api.Response verified = api.post("/api/v1/auth/2fa/verify",
				Map.of("code", TotpCodes.at(secret, clock.instant())), token);
		assertThat(verified.status()).as(verified.body()).isEqualTo(200);
		recoveryCodes.put(email, verified.json().get("recovery_codes").get(0).asString());
		return secret;
	}

	private String accessToken(String email) {
		return passwordStep(email).get("access_token").asString();
	}

	private JsonNode passwordStep(String email) {
		Api.Response response = api.post("/api/v1/auth/login", Map.of("email", email, "password", PASSWORD), null);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

}
