package dev.ferry.auth;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.ferry.testing.Api;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The device sign-in protocol (RFC 8628 in JSON) against the real server, with its clock
 * moved instead of waiting out poll intervals and code lifetimes.
 */
class DeviceSignInIntegrationTests extends TimeTravelTest {

	@Test
	void pendingSlowDownApproveThenOneScopedSessionAndNoReplay() {
		String user = signIn(register("device-" + UUID.randomUUID() + "@ferry.test"));
		JsonNode codes = requestCodes(List.of("read"));
		assertThat(codes.get("user_code").asString()).matches("[B-Z]{4}-[B-Z]{4}");
		assertThat(codes.get("verification_uri").asString()).endsWith("/device");
		assertThat(codes.get("verification_uri_complete").asString())
			.endsWith("/device?code=" + codes.get("user_code").asString());
		assertThat(codes.get("interval").asLong()).isEqualTo(5);
		String deviceCode = codes.get("device_code").asString();

		assertError(poll(deviceCode), "authorization_pending", "/problems/device-authorization-pending");
		Api.Response tooFast = poll(deviceCode);
		assertError(tooFast, "slow_down", "/problems/device-slow-down");
		assertThat(tooFast.json().get("interval").asLong()).isEqualTo(10);

		Api.Response shown = api.post("/api/v1/auth/device/verify",
				Map.of("user_code", codes.get("user_code").asString().toLowerCase().replace("-", " ")), user);
		assertThat(shown.status()).as(shown.body()).isEqualTo(200);
		assertThat(shown.json().get("client_name").asString()).isEqualTo("ferry CLI on test-host");
		assertThat(shown.json().get("scopes").toString()).isEqualTo("[\"read\"]");
		assertThat(shown.json().get("ip").asString()).isEqualTo("127.0.0.1");
		Api.Response approved = api.post("/api/v1/auth/device/approve",
				Map.of("user_code", codes.get("user_code").asString()), user);
		assertThat(approved.status()).as(approved.body()).isEqualTo(204);
		assertThat(api.post("/api/v1/auth/device/approve", Map.of("user_code", codes.get("user_code").asString()), user)
			.status()).as("a user code is decided once").isEqualTo(400);

		clock.advance(Duration.ofSeconds(10));
		Api.Response tokens = poll(deviceCode);
		assertThat(tokens.status()).as(tokens.body()).isEqualTo(200);
		String access = tokens.json().get("access_token").asString();
		JsonNode me = api.get("/api/v1/me", access).json();
		assertThat(me.get("scopes").toString()).as("the session has only the scopes asked for").isEqualTo("[\"read\"]");
		assertThat(api.post("/api/v1/transfers", Map.of("title", "no"), access).status()).as("share was not asked for")
			.isEqualTo(403);
		Api.Response refreshed = api.post("/api/v1/auth/refresh",
				Map.of("refresh_token", tokens.json().get("refresh_token").asString()), null);
		assertThat(refreshed.status()).isEqualTo(200);
		assertThat(
				api.get("/api/v1/me", refreshed.json().get("access_token").asString()).json().get("scopes").toString())
			.as("refresh keeps the narrowed scopes")
			.isEqualTo("[\"read\"]");

		clock.advance(Duration.ofSeconds(10));
		assertError(poll(deviceCode), "invalid_grant", "/problems/invalid-device-code");
		assertThat(auditDetails("auth.login")).anySatisfy((details) -> assertThat(details).contains("device"));
		assertThat(auditDetails("auth.device_approve")).isNotEmpty();
	}

	@Test
	void aDeniedSignInAnswersAccessDeniedOnce() {
		String user = signIn(register("device-deny-" + UUID.randomUUID() + "@ferry.test"));
		JsonNode codes = requestCodes(List.of("read", "write"));
		Api.Response denied = api.post("/api/v1/auth/device/deny",
				Map.of("user_code", codes.get("user_code").asString()), user);
		assertThat(denied.status()).as(denied.body()).isEqualTo(204);

		assertError(poll(codes.get("device_code").asString()), "access_denied", "/problems/device-access-denied");
		clock.advance(Duration.ofSeconds(5));
		assertError(poll(codes.get("device_code").asString()), "invalid_grant", "/problems/invalid-device-code");
		assertThat(auditDetails("auth.device_deny")).isNotEmpty();
	}

	/**
	 * An approval given from a session that may be a thief's ends when its owner signs
	 * out everywhere else (or changes or resets the password) before the device collects
	 * it.
	 */
	@Test
	void anApprovalNotYetCollectedEndsWhenTheOwnerSignsOutElsewhere() {
		String email = register("device-thief-" + UUID.randomUUID() + "@ferry.test");
		String stolen = signIn(email);
		JsonNode codes = requestCodes(List.of("read"));
		assertThat(
				api.post("/api/v1/auth/device/approve", Map.of("user_code", codes.get("user_code").asString()), stolen)
					.status())
			.isEqualTo(204);

		clock.advance(Duration.ofSeconds(1));
		assertThat(api.delete("/api/v1/auth/sessions", signIn(email)).status()).isEqualTo(204);
		clock.advance(Duration.ofSeconds(10));

		assertError(poll(codes.get("device_code").asString()), "access_denied", "/problems/device-access-denied");
		assertThat(auditDetails("auth.device_token")).anySatisfy((d) -> assertThat(d).contains("sessions_ended"));
	}

	/**
	 * Sessions ended before the approval say nothing about it: an old session revoked
	 * while the code waited does not deny the device what its owner then approved.
	 */
	@Test
	void aSessionEndedBeforeTheApprovalDoesNotDenyIt() {
		String email = register("device-tidy-" + UUID.randomUUID() + "@ferry.test");
		String approving = signIn(email);
		String old = signIn(email);
		JsonNode codes = requestCodes(List.of("read"));
		clock.advance(Duration.ofSeconds(1));
		assertThat(api.delete("/api/v1/auth/sessions", approving).status()).as("signs out everywhere else")
			.isEqualTo(204);
		assertThat(api.get("/api/v1/me", old).status()).isEqualTo(401);
		clock.advance(Duration.ofSeconds(1));
		assertThat(api
			.post("/api/v1/auth/device/approve", Map.of("user_code", codes.get("user_code").asString()), approving)
			.status()).isEqualTo(204);
		clock.advance(Duration.ofSeconds(10));

		Api.Response tokens = poll(codes.get("device_code").asString());

		assertThat(tokens.status()).as(tokens.body()).isEqualTo(200);
		assertThat(tokens.json().get("access_token").asString()).isNotBlank();
	}

	/**
	 * A device outside the account's networks gets no tokens, and the trail says only
	 * that: no success of the device's sign-in before the refusal.
	 */
	@Test
	void aDeviceOutsideTheAccountsNetworksIsRefusedWithoutASuccessOnTheTrail() {
		String email = register("device-network-" + UUID.randomUUID() + "@ferry.test");
		Api inside = api.from("127.0.0.2");
		String userId = api.get("/api/v1/me", signIn(email)).json().get("id").asString();
		assertThat(api.patch("/api/v1/admin/users/" + userId, Map.of("allowed_ips", List.of("127.0.0.2")), adminToken())
			.status()).isEqualTo(200);
		JsonNode codes = requestCodes(List.of("read"));
		String approving = inside.login(email, PASSWORD);
		assertThat(inside
			.post("/api/v1/auth/device/approve", Map.of("user_code", codes.get("user_code").asString()), approving)
			.status()).isEqualTo(204);
		clock.advance(Duration.ofSeconds(10));

		Api.Response refused = poll(codes.get("device_code").asString());

		assertThat(refused.status()).as(refused.body()).isEqualTo(403);
		assertThat(refused.json().get("type").asString()).isEqualTo("/problems/ip-not-allowed");
		assertThat(jdbc
			.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'auth.device_token' AND outcome = 'success' "
					+ "AND actor_id = ?")
			.param(userId)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aCodeNobodyApprovesExpires() {
		String user = signIn(register("device-expire-" + UUID.randomUUID() + "@ferry.test"));
		JsonNode codes = requestCodes(null);
		assertThat(codes.get("expires_in").asLong()).isEqualTo(600);

		clock.advance(Duration.ofMinutes(11));

		assertThat(api.post("/api/v1/auth/device/approve", Map.of("user_code", codes.get("user_code").asString()), user)
			.json()
			.get("type")
			.asString()).isEqualTo("/problems/invalid-user-code");
		assertError(poll(codes.get("device_code").asString()), "expired_token", "/problems/device-code-expired");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'auth.device_expire'")
			.query(Long.class)
			.single()).isPositive();
	}

	@Test
	void wrongUserCodesAreLimitedAndApiKeysCannotApprove() {
		String user = signIn(register("device-guess-" + UUID.randomUUID() + "@ferry.test"));
		JsonNode codes = requestCodes(null);
		String key = api
			.post("/api/v1/auth/api-keys", Map.of("name", "cannot approve", "scopes", List.of("read", "write")), user)
			.json()
			.get("key")
			.asString();
		assertThat(api.post("/api/v1/auth/device/approve", Map.of("user_code", codes.get("user_code").asString()), key)
			.status()).isEqualTo(403);

		for (int i = 0; i < 10; i++) {
			Api.Response wrong = api.post("/api/v1/auth/device/verify",
					Map.of("user_code", "BBBB-BBB" + "CDFGHJKLMN".charAt(i)), user);
			assertThat(wrong.json().get("type").asString()).isEqualTo("/problems/invalid-user-code");
		}
		assertThat(auditDetails("auth.device_verify")).as("every wrong code stays on the audit trail")
			.filteredOn((details) -> details.contains("unknown_code"))
			.hasSizeGreaterThanOrEqualTo(10);
		Api.Response limited = api.post("/api/v1/auth/device/verify",
				Map.of("user_code", codes.get("user_code").asString()), user);
		assertThat(limited.status()).isEqualTo(429);
		assertThat(limited.header("Retry-After")).isNotNull();
		assertThat(api.post("/api/v1/auth/device/code", Map.of("scopes", List.of("root")), null).status())
			.isEqualTo(400);
	}

	/**
	 * A session a device sign-in narrowed cannot widen or take over the account: no
	 * passkey (which would sign in with every scope), no second factor, no signing out
	 * everywhere, no erasure. The session that approved it still can.
	 */
	@Test
	void aNarrowedSessionCannotManageCredentialsOrEraseTheAccount() {
		String email = register("narrowed-" + UUID.randomUUID() + "@ferry.test");
		String user = signIn(email);
		JsonNode codes = requestCodes(List.of("read"));
		assertThat(api.post("/api/v1/auth/device/approve", Map.of("user_code", codes.get("user_code").asString()), user)
			.status()).isEqualTo(204);
		clock.advance(Duration.ofSeconds(10));
		Api.Response tokens = poll(codes.get("device_code").asString());
		assertThat(tokens.status()).as(tokens.body()).isEqualTo(200);
		String device = tokens.json().get("access_token").asString();

		List<Api.Response> refused = List.of(api.post("/api/v1/auth/passkeys/registration/options", Map.of(), device),
				api.post("/api/v1/auth/2fa/enable", Map.of(), device), api.delete("/api/v1/auth/sessions", device),
				api.send(api.builder("/api/v1/me", device)
					.header("Content-Type", "application/json")
					.method("DELETE", HttpRequest.BodyPublishers.ofString("{\"confirm\":\"" + email + "\"}"))));
		assertThat(refused).allSatisfy((response) -> {
			assertThat(response.status()).as(response.body()).isEqualTo(403);
			assertThat(response.json().get("detail").asString()).contains("only some of your scopes");
		});
		assertThat(auditDetails("auth.passkey_register"))
			.anySatisfy((details) -> assertThat(details).contains("narrowed_session"));
		assertThat(auditDetails("account.erase"))
			.anySatisfy((details) -> assertThat(details).contains("narrowed_session"));
		assertThat(api.get("/api/v1/me", device).status()).as("the account is still there").isEqualTo(200);
		assertThat(api.post("/api/v1/auth/passkeys/registration/options", Map.of(), user).status()).isEqualTo(200);
	}

	private JsonNode requestCodes(List<String> scopes) {
		Map<String, Object> body = (scopes != null) ? Map.of("client_name", "ferry CLI on test-host", "scopes", scopes)
				: Map.of("client_name", "ferry CLI on test-host");
		Api.Response response = api.post("/api/v1/auth/device/code", body, null);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	private Api.Response poll(String deviceCode) {
		return api.post("/api/v1/auth/device/token", Map.of("device_code", deviceCode), null);
	}

	private String signIn(String email) {
		Api.Response response = api.post("/api/v1/auth/login", Map.of("email", email, "password", PASSWORD), null);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json().get("access_token").asString();
	}

	private static void assertError(Api.Response response, String error, String type) {
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.json().get("error").asString()).isEqualTo(error);
		assertThat(response.json().get("type").asString()).isEqualTo(type);
	}

}
