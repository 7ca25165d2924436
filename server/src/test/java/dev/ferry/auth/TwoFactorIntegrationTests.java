package dev.ferry.auth;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.ferry.auth.session.RefreshCookies;
import dev.ferry.testing.Api;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * TOTP enrollment and sign-in with a second factor, on the server whose clock the test
 * moves: codes are computed for the server's time, never waited for.
 */
class TwoFactorIntegrationTests extends TimeTravelTest {

	@Test
	void enrollmentShowsSecretUriAndQrAndStoresTheSecretSealed() {
		String email = register("totp-enroll-" + UUID.randomUUID() + "@ferry.test");
		String token = accessToken(email);

		JsonNode enrollment = api.post("/api/v1/auth/2fa/enable", Map.of(), token).json();

		String secret = enrollment.get("secret").asString();
		assertThat(secret).matches("[A-Z2-7]{32}");
		assertThat(enrollment.get("otpauth_uri").asString()).startsWith("otpauth://totp/Ferry:")
			.contains("secret=" + secret, "issuer=Ferry", "period=30", "digits=6");
		String qr = enrollment.get("qr").asString();
		assertThat(qr).startsWith("data:image/svg+xml;base64,");
		assertThat(new String(Base64.getDecoder().decode(qr.substring(qr.indexOf(',') + 1)), StandardCharsets.UTF_8))
			.startsWith("<svg");
		byte[] sealed = jdbc
			.sql("SELECT sealed_secret FROM totp_credentials t JOIN users u ON u.id = t.user_id " + "WHERE u.email = ?")
			.param(email)
			.query(byte[].class)
			.single();
		assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain(secret);
		assertThat(HexFormat.of().formatHex(sealed)).doesNotContain(HexFormat.of().formatHex(TotpCodes.decode(secret)));
		assertThat(api.get("/api/v1/auth/2fa", token).json().get("totp_enabled").asBoolean()).isFalse();
	}

	@Test
	void aWrongFirstCodeDoesNotConfirmAndTheRightOneAnswersTenRecoveryCodes() {
		String email = register("totp-verify-" + UUID.randomUUID() + "@ferry.test");
		String token = accessToken(email);
		String secret = api.post("/api/v1/auth/2fa/enable", Map.of(), token).json().get("secret").asString();

		Api.Response wrong = api.post("/api/v1/auth/2fa/verify", Map.of("code", "000000"), token);
		Api.Response right = api.post("/api/v1/auth/2fa/verify", Map.of("code", code(secret)), token);

		assertThat(wrong.status()).isEqualTo(401);
		assertThat(wrong.json().get("type").asString()).isEqualTo("/problems/invalid-code");
		assertThat(right.status()).as(right.body()).isEqualTo(200);
		List<String> codes = right.json().get("recovery_codes").valueStream().map(JsonNode::asString).toList();
		assertThat(codes).hasSize(10)
			.doesNotHaveDuplicates()
			.allMatch((c) -> c.matches("[a-z2-7]{4}(-[a-z2-7]{4}){3}"));
		assertThat(jdbc.sql("SELECT code_hash FROM recovery_codes r JOIN users u ON u.id = r.user_id WHERE u.email = ?")
			.param(email)
			.query(String.class)
			.list()).hasSize(10).noneMatch((hash) -> codes.stream().anyMatch(hash::contains));
		JsonNode status = api.get("/api/v1/auth/2fa", token).json();
		assertThat(status.get("totp_enabled").asBoolean()).isTrue();
		assertThat(status.get("recovery_codes_left").asInt()).isEqualTo(10);
		assertThat(api.post("/api/v1/auth/2fa/enable", Map.of(), token).status()).isEqualTo(409);
	}

	@Test
	void signInAsksForTheSecondFactorAndACodeWorksOnlyOnce() {
		String email = register("totp-login-" + UUID.randomUUID() + "@ferry.test");
		String secret = enroll(email);
		clock.advance(Duration.ofSeconds(30));

		JsonNode challenge = passwordStep(email);
		assertThat(challenge.get("mfa_required").asBoolean()).isTrue();
		assertThat(challenge.has("access_token")).isFalse();
		assertThat(challenge.get("mfa_methods").valueStream().map(JsonNode::asString)).contains("totp",
				"recovery_code");
		String code = code(secret);
		Api.Response finished = mfa(challenge, code);
		assertThat(finished.status()).as(finished.body()).isEqualTo(200);
		assertThat(api.get("/api/v1/me", finished.json().get("access_token").asString()).status()).isEqualTo(200);

		Api.Response replayed = mfa(passwordStep(email), code);
		assertThat(replayed.status()).as("the same code twice").isEqualTo(401);
		assertThat(mfa(challenge, code(secret)).status()).as("a used ticket").isEqualTo(401);

		clock.advance(Duration.ofSeconds(30));
		assertThat(mfa(passwordStep(email), code(secret)).status()).as("the next step's code").isEqualTo(200);
		assertThat(auditDetails("auth.login")).anySatisfy((details) -> assertThat(details).contains("password+totp"));
	}

	@Test
	void codesOfTheNeighbouringStepsAreAcceptedButNotOlderOnes() {
		String email = register("totp-drift-" + UUID.randomUUID() + "@ferry.test");
		String secret = enroll(email);
		clock.advance(Duration.ofMinutes(5));

		String stale = TotpCodes.at(secret, clock.instant().minus(Duration.ofSeconds(90)));
		String late = TotpCodes.at(secret, clock.instant().minus(Duration.ofSeconds(30)));

		assertThat(mfa(passwordStep(email), stale).status()).isEqualTo(401);
		assertThat(mfa(passwordStep(email), late).status()).isEqualTo(200);
	}

	@Test
	void aRecoveryCodeWorksOnceAndNewOnesReplaceTheOldOnes() {
		String email = register("totp-recovery-" + UUID.randomUUID() + "@ferry.test");
		String token = accessToken(email);
		String secret = api.post("/api/v1/auth/2fa/enable", Map.of(), token).json().get("secret").asString();
		List<String> codes = api.post("/api/v1/auth/2fa/verify", Map.of("code", code(secret)), token)
			.json()
			.get("recovery_codes")
			.valueStream()
			.map(JsonNode::asString)
			.toList();

		Api.Response first = mfa(passwordStep(email), codes.get(0).toUpperCase().replace("-", " "));
		Api.Response again = mfa(passwordStep(email), codes.get(0));
		assertThat(first.status()).as(first.body()).isEqualTo(200);
		assertThat(again.status()).isEqualTo(401);

		clock.advance(Duration.ofSeconds(30));
		Api.Response renewed = api.post("/api/v1/auth/2fa/recovery-codes", Map.of("code", code(secret)),
				first.json().get("access_token").asString());
		assertThat(renewed.status()).as(renewed.body()).isEqualTo(200);
		assertThat(mfa(passwordStep(email), codes.get(1)).status()).as("an old code").isEqualTo(401);
		String fresh = renewed.json().get("recovery_codes").get(0).asString();
		assertThat(mfa(passwordStep(email), fresh).status()).isEqualTo(200);
	}

	@Test
	void fiveWrongCodesKillTheTicketAndAreAudited() {
		String email = register("totp-guess-" + UUID.randomUUID() + "@ferry.test");
		String secret = enroll(email);
		clock.advance(Duration.ofSeconds(30));
		JsonNode challenge = passwordStep(email);

		for (int i = 0; i < 5; i++) {
			assertThat(mfa(challenge, "12345" + i).json().get("type").asString()).isEqualTo("/problems/invalid-code");
		}
		Api.Response dead = mfa(challenge, code(secret));

		assertThat(dead.status()).isEqualTo(401);
		assertThat(dead.json().get("type").asString()).isEqualTo("/problems/invalid-mfa-token");
		assertThat(auditDetails("auth.mfa")).anySatisfy(
				(details) -> assertThat(details).contains("wrong_code").contains("\"failures\":5").contains("true"));
		assertThat(mfa(passwordStep(email), code(secret)).status()).as("a fresh ticket").isEqualTo(200);
	}

	@Test
	void cookieModeCarriesOverToTheSecondStep() {
		String email = register("totp-cookie-" + UUID.randomUUID() + "@ferry.test");
		String secret = enroll(email);
		clock.advance(Duration.ofSeconds(30));

		JsonNode challenge = api
			.post("/api/v1/auth/login", Map.of("email", email, "password", PASSWORD, "use_cookie", true), null)
			.json();
		Api.Response finished = mfa(challenge, code(secret));

		assertThat(finished.status()).isEqualTo(200);
		assertThat(finished.json().has("refresh_token")).isFalse();
		assertThat(Instant.parse(finished.json().get("idle_expires_at").asString()))
			.isEqualTo(clock.instant().truncatedTo(ChronoUnit.MILLIS).plus(Duration.ofMinutes(30)));
		assertThat(finished.headers().get("set-cookie")).anyMatch((c) -> c.startsWith(RefreshCookies.REFRESH + "="))
			.anyMatch((c) -> c.startsWith(ClientInfo.DEVICE_COOKIE + "=") && c.contains("HttpOnly"));
	}

	@Test
	void disablingNeedsThePasswordAndACode() {
		String email = register("totp-disable-" + UUID.randomUUID() + "@ferry.test");
		String secret = enroll(email);
		clock.advance(Duration.ofSeconds(30));
		String token = mfa(passwordStep(email), code(secret)).json().get("access_token").asString();
		clock.advance(Duration.ofSeconds(30));

		Api.Response wrongPassword = api.post("/api/v1/auth/2fa/disable",
				Map.of("password", "not-the-password", "code", code(secret)), token);
		Api.Response wrongCode = api.post("/api/v1/auth/2fa/disable", Map.of("password", PASSWORD, "code", "999999"),
				token);
		Api.Response disabled = api.post("/api/v1/auth/2fa/disable", Map.of("password", PASSWORD, "code", code(secret)),
				token);

		assertThat(wrongPassword.status()).isEqualTo(400);
		assertThat(wrongCode.status()).isEqualTo(401);
		assertThat(disabled.status()).as(disabled.body()).isEqualTo(204);
		assertThat(passwordStep(email).has("access_token")).isTrue();
		assertThat(auditDetails("auth.2fa_disable")).isNotEmpty();
	}

	@Test
	void anApiKeyCannotManageTwoFactor() {
		String token = accessToken(register("totp-key-" + UUID.randomUUID() + "@ferry.test"));
		String key = api.post("/api/v1/auth/api-keys", Map.of("name", "k", "scopes", List.of("read")), token)
			.json()
			.get("key")
			.asString();

		assertThat(api.post("/api/v1/auth/2fa/enable", Map.of(), key).status()).isEqualTo(403);
	}

	/** Turns TOTP on for the account and answers the secret. */
	String enroll(String email) {
		String token = accessToken(email);
		String secret = api.post("/api/v1/auth/2fa/enable", Map.of(), token).json().get("secret").asString();
		Api.Response verified = api.post("/api/v1/auth/2fa/verify", Map.of("code", code(secret)), token);
		assertThat(verified.status()).as(verified.body()).isEqualTo(200);
		return secret;
	}

	String code(String secret) {
		return TotpCodes.at(secret, clock.instant());
	}

	String accessToken(String email) {
		JsonNode response = passwordStep(email);
		assertThat(response.has("access_token")).as(response.toString()).isTrue();
		return response.get("access_token").asString();
	}

	JsonNode passwordStep(String email) {
		Api.Response response = api.post("/api/v1/auth/login", Map.of("email", email, "password", PASSWORD), null);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	Api.Response mfa(JsonNode challenge, String code) {
		return api.post("/api/v1/auth/login/mfa",
				Map.of("mfa_token", challenge.get("mfa_token").asString(), "code", code), null);
	}

}
