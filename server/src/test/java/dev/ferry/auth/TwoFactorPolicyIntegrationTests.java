package dev.ferry.auth;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.ferry.testing.Api;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin 2FA policy. It covers guests only here, and is set back afterwards, since the
 * server is shared with other tests.
 */
class TwoFactorPolicyIntegrationTests extends TimeTravelTest {

	@AfterEach
	void resetPolicy() {
		api.send(api.builder("/api/v1/admin/security-policy", adminToken())
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString("{\"require_2fa\":\"none\"}")));
	}

	@Test
	void adminsReadAndSetThePolicyOthersMayNot() {
		Api.Response set = put("/api/v1/admin/security-policy", Map.of("require_2fa", " Guest "), adminToken());
		Api.Response invalid = put("/api/v1/admin/security-policy", Map.of("require_2fa", "everyone"), adminToken());
		String user = login(register("policy-user-" + UUID.randomUUID() + "@ferry.test"));

		assertThat(set.status()).as(set.body()).isEqualTo(200);
		assertThat(set.json().get("require_2fa").asString()).isEqualTo("guest");
		assertThat(set.json().get("require_2fa_roles").valueStream().map(JsonNode::asString)).containsExactly("guest");
		assertThat(set.json().get("source").asString()).isEqualTo("admin");
		assertThat(api.get("/api/v1/admin/security-policy", adminToken()).json().get("require_2fa").asString())
			.isEqualTo("guest");
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(api.get("/api/v1/admin/security-policy", user).status()).isEqualTo(403);
		assertThat(auditDetails("admin.security_policy_update")).anySatisfy((d) -> assertThat(d).contains("guest"));
	}

	@Test
	void aCoveredUserWithoutSecondFactorGetsATokenThatCanOnlyEnroll() {
		String email = guest();
		put("/api/v1/admin/security-policy", Map.of("require_2fa", "guest"), adminToken());

		JsonNode signIn = signIn(email);
		String restricted = signIn.get("access_token").asString();
		assertThat(signIn.get("mfa_enrollment_required").asBoolean()).isTrue();
		String otherPasswordOnly = signIn(email).get("access_token").asString();

		Api.Response elsewhere = api.get("/api/v1/auth/sessions", restricted);
		assertThat(elsewhere.status()).isEqualTo(403);
		assertThat(elsewhere.json().get("type").asString()).isEqualTo("/problems/mfa-enrollment-required");
		assertThat(elsewhere.json().get("detail").asString()).contains("/api/v1/auth/2fa/enable");
		assertThat(api.get("/api/v1/me", restricted).json().get("scopes")).isEmpty();
		Api.Response erase = api.send(api.builder("/api/v1/me", restricted)
			.header("Content-Type", "application/json")
			.method("DELETE", java.net.http.HttpRequest.BodyPublishers.ofString("{\"confirm\":\"" + email + "\"}")));
		assertThat(erase.status()).as("erasing the account is no fix: " + erase.body()).isEqualTo(403);
		assertThat(api.get("/api/v1/auth/2fa", restricted).status()).as("its own 2FA state, though it has no scope")
			.isEqualTo(200);
		assertThat(api.get("/api/v1/auth/passkeys", restricted).status()).isEqualTo(200);
		assertThat(
				api.post("/api/v1/auth/api-keys", Map.of("name", "k", "scopes", List.of("read")), restricted).status())
			.isEqualTo(403);

		String secret = api.post("/api/v1/auth/2fa/enable", Map.of(), restricted).json().get("secret").asString();
		Api.Response verified = api.post("/api/v1/auth/2fa/verify",
				Map.of("code", TotpCodes.at(secret, clock.instant())), restricted);
		assertThat(verified.status()).as(verified.body()).isEqualTo(200);

		assertThat(api.get("/api/v1/auth/sessions", restricted).status()).as("freed at once").isEqualTo(200);
		assertThat(api.get("/api/v1/me", otherPasswordOnly).status())
			.as("another session that showed no second factor ends, it is not freed")
			.isEqualTo(401);
		assertThat(signIn(email).get("mfa_required").asBoolean()).isTrue();
	}

	@Test
	void anAdminResetOfTwoFactorIsAuditedAndSendsTheUserBackToEnrollment() {
		String email = guest();
		String id = userId(email);
		put("/api/v1/admin/security-policy", Map.of("require_2fa", "guest"), adminToken());
		String restricted = signIn(email).get("access_token").asString();
		String secret = api.post("/api/v1/auth/2fa/enable", Map.of(), restricted).json().get("secret").asString();
		api.post("/api/v1/auth/2fa/verify", Map.of("code", TotpCodes.at(secret, clock.instant())), restricted);
		clock.advance(Duration.ofSeconds(30));

		Api.Response byUser = api.post("/api/v1/admin/users/" + id + "/2fa/reset", Map.of(), restricted);
		Api.Response reset = api.post("/api/v1/admin/users/" + id + "/2fa/reset", Map.of(), adminToken());
		Api.Response unknown = api.post("/api/v1/admin/users/" + UUID.randomUUID() + "/2fa/reset", Map.of(),
				adminToken());

		assertThat(byUser.status()).isEqualTo(403);
		assertThat(reset.status()).isEqualTo(204);
		assertThat(api.get("/api/v1/me", restricted).status()).as("the lost device's session ends").isEqualTo(401);
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(signIn(email).get("mfa_enrollment_required").asBoolean()).isTrue();
		assertThat(jdbc
			.sql("SELECT object_id FROM audit_log WHERE action = 'admin.user_2fa_reset' AND outcome = 'success'")
			.query(String.class)
			.list()).contains(id);
	}

	@Test
	void disablingIsRefusedWhileThePolicyRequiresIt() {
		String email = guest();
		put("/api/v1/admin/security-policy", Map.of("require_2fa", "guest"), adminToken());
		String restricted = signIn(email).get("access_token").asString();
		String secret = api.post("/api/v1/auth/2fa/enable", Map.of(), restricted).json().get("secret").asString();
		api.post("/api/v1/auth/2fa/verify", Map.of("code", TotpCodes.at(secret, clock.instant())), restricted);
		clock.advance(Duration.ofSeconds(30));

		Api.Response disable = api.post("/api/v1/auth/2fa/disable",
				Map.of("password", PASSWORD, "code", TotpCodes.at(secret, clock.instant())), restricted);

		assertThat(disable.status()).isEqualTo(409);
		assertThat(disable.json().get("type").asString()).isEqualTo("/problems/mfa-required-by-policy");
	}

	private String guest() {
		String email = "policy-guest-" + UUID.randomUUID() + "@ferry.test";
		Api.Response created = api.post("/api/v1/admin/users",
				Map.of("email", email, "password", PASSWORD, "role", "guest"), adminToken());
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return email;
	}

	private String userId(String email) {
		return jdbc.sql("SELECT id FROM users WHERE email = ?").param(email).query(String.class).single();
	}

	private JsonNode signIn(String email) {
		Api.Response response = api.post("/api/v1/auth/login", Map.of("email", email, "password", PASSWORD), null);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	private String login(String email) {
		return signIn(email).get("access_token").asString();
	}

	private Api.Response put(String path, Object body, String token) {
		return api.send(api.builder(path, token)
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(JsonMapper.builder().build().writeValueAsString(body))));
	}

}
