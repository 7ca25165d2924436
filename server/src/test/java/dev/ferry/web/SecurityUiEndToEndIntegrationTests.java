package dev.ferry.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.ferry.testing.Api;
import dev.ferry.testing.IntegrationTest;
import dev.ferry.testing.OwnServer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Account security in a real browser (web/e2e/security-e2e.mjs, part "account"): TOTP
 * with recovery codes, a passkey from a virtual authenticator, the admin's 2FA policy and
 * reset, and a fresh user held at the enrollment step until enrolled. Its own server, as
 * the policy it sets holds for every account.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SecurityUiEndToEndIntegrationTests {

	private static final String PASSWORD = "security-ui-e2e-" + UUID.randomUUID();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void ferryProperties(DynamicPropertyRegistry registry) {
		OwnServer.register(registry, "security-ui");
	}

	@Test
	void twoFactorPasskeysAndThePolicyWorkThroughTheUi() throws Exception {
		Api api = new Api("http://127.0.0.1:" + port);
		String admin = api.login(IntegrationTest.ADMIN_EMAIL, IntegrationTest.ADMIN_PASSWORD);
		String member = createUser(api, admin, "member");
		String fresh = createUser(api, admin, "fresh");

		JsonNode result = SecurityBrowserRun.run("account", port,
				Map.of("FERRY_MEMBER_EMAIL", member, "FERRY_FRESH_EMAIL", fresh, "FERRY_USER_PASSWORD", PASSWORD,
						"FERRY_ADMIN_EMAIL", IntegrationTest.ADMIN_EMAIL, "FERRY_ADMIN_PASSWORD",
						IntegrationTest.ADMIN_PASSWORD),
				List.of("security-recovery-codes", "security-section", "admin-security-policy", "admin-reset-2fa",
						"enrollment-step"));

		assertThat(result.get("recoveryCodes").asInt()).isGreaterThanOrEqualTo(8);
		assertThat(result.get("recoveryCodesFile").asString()).isEqualTo("ferry-recovery-codes.txt");
		assertThat(result.get("freshReachedFiles").asString()).isEqualTo("/files");
		assertThat(api.get("/api/v1/admin/security-policy", admin).json().get("require_2fa").asString())
			.isEqualTo("user");
		assertThat(login(api, fresh).get("mfa_methods").valueStream().map(JsonNode::asString)).contains("totp");
		JsonNode reset = login(api, member);
		assertThat(reset.has("mfa_required")).as("the reset removed the member's app").isFalse();
		assertThat(reset.get("mfa_enrollment_required").asBoolean()).as("the policy now covers the member").isTrue();
	}

	private static String createUser(Api api, String admin, String prefix) {
		String email = prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@ferry.test";
		Api.Response created = api.post("/api/v1/admin/users",
				Map.of("email", email, "password", PASSWORD, "role", "user"), admin);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return email;
	}

	private static JsonNode login(Api api, String email) {
		Api.Response response = api.post("/api/v1/auth/login", Map.of("email", email, "password", PASSWORD), null);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

}
