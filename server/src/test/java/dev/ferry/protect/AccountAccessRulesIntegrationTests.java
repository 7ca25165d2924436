package dev.ferry.protect;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.ferry.testing.Api;
import dev.ferry.testing.Curl;
import dev.ferry.testing.IntegrationTest;
import dev.ferry.testing.OwnServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Network and country rules on accounts, set through the admin user API and enforced at
 * sign-in and on every authenticated request, from several real loopback source
 * addresses. 127.0.0.3 is a trusted proxy through which the MaxMind test database's
 * addresses arrive (81.2.69.142 is GB, 89.160.20.115 is SE).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccountAccessRulesIntegrationTests {

	private static final String PROXY = "127.0.0.3";

	private static final String PASSWORD = "account-rules-passphrase-Q7";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Api api;

	private String adminToken;

	@DynamicPropertySource
	static void protection(DynamicPropertyRegistry registry) {
		OwnServer.register(registry, "account-rules");
		registry.add("ferry.http.trusted-proxies", () -> PROXY);
		registry.add("ferry.geoip.db", ProtectionIntegrationTests::geoIpDatabase);
		registry.add("ferry.defender.exempt", () -> "127.0.0.1/32");
		registry.add("ferry.auth.login-attempts-per-ip", () -> 1000);
	}

	@BeforeEach
	void connectClient() {
		api = new Api("http://127.0.0.1:" + port);
	}

	@Test
	void anAccountWithAnAllowListSignsInOnlyFromItsNetworks() {
		JsonNode user = newUser(Map.of("allowed_ips", List.of("127.0.0.2", "2001:db8::/32")));
		assertThat(user.get("allowed_ips").get(0).asString()).isEqualTo("127.0.0.2/32");
		assertThat(api.get("/api/v1/admin/users/" + user.get("id").asString(), admin()).json().get("allowed_ips"))
			.hasSize(2);

		assertThat(login(api.from("127.0.0.2"), user).status()).isEqualTo(200);
		Api.Response refused = login(api.from("127.0.0.4"), user);

		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.contentType()).isEqualTo("application/problem+json");
		assertThat(refused.json().get("type").asString()).endsWith("/ip-not-allowed");
		assertThat(refused.json().get("detail").asString()).contains("127.0.0.4").contains("Your account");
		assertThat(refused.body()).doesNotContain("access_token");
		assertThat(audited("auth.login", user)).anyMatch((details) -> details.contains("ip_not_allowed"));
		String id = user.get("id").asString();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM sessions WHERE user_id = ?").param(id).query(Long.class).single())
			.as("the refused sign-in left no session behind")
			.isEqualTo(1);
	}

	@Test
	void aSessionOpenedInsideDoesNotWorkFromAnotherAddress() {
		JsonNode user = newUser(Map.of("allowed_ips", List.of("127.0.0.2/32")));
		String token = login(api.from("127.0.0.2"), user).json().get("access_token").asString();
		assertThat(api.from("127.0.0.2").get("/api/v1/me", token).status()).isEqualTo(200);

		Api.Response elsewhere = api.from("127.0.0.6").get("/api/v1/me", token);
		assertThat(elsewhere.status()).isEqualTo(403);
		assertThat(elsewhere.json().get("type").asString()).endsWith("/ip-not-allowed");
		assertThat(audited("auth.request", user)).anyMatch((details) -> details.contains("ip_not_allowed"));

		String path = "/api/v1/admin/users/" + user.get("id").asString();
		Api.Response narrowed = api.patch(path, Map.of("allowed_ips", List.of("127.0.0.7")), admin());
		assertThat(narrowed.status()).as(narrowed.body()).isEqualTo(200);
		assertThat(api.from("127.0.0.2").get("/api/v1/me", token).status())
			.as("a change applies to the next request of an open session")
			.isEqualTo(403);

		Api.Response cleared = api.patch(path, Map.of("allowed_ips", List.of()), admin());
		assertThat(cleared.json().get("allowed_ips")).isEmpty();
		assertThat(api.from("127.0.0.6").get("/api/v1/me", token).status()).isEqualTo(200);
	}

	@Test
	void aRefreshTokenFromInsideDoesNotRefreshFromAnotherAddress() {
		JsonNode user = newUser(Map.of("allowed_ips", List.of("127.0.0.2/32")));
		String refresh = login(api.from("127.0.0.2"), user).json().get("refresh_token").asString();

		Api.Response elsewhere = api.from("127.0.0.8")
			.post("/api/v1/auth/refresh", Map.of("refresh_token", refresh), null);
		assertThat(elsewhere.status()).isEqualTo(403);
		assertThat(elsewhere.json().get("type").asString()).endsWith("/ip-not-allowed");
		assertThat(audited("auth.refresh", user)).anyMatch((details) -> details.contains("ip_not_allowed"));

		Api.Response inside = api.from("127.0.0.2")
			.post("/api/v1/auth/refresh", Map.of("refresh_token", refresh), null);
		assertThat(inside.status()).as("the refused refresh did not use the token up").isEqualTo(200);
	}

	@Test
	void anAccountWithCountryRulesSignsInOnlyFromAllowedCountries() {
		JsonNode user = newUser(Map.of("denied_countries", List.of("se")));
		assertThat(user.get("denied_countries").get(0).asString()).isEqualTo("SE");

		assertThat(loginThroughProxy("81.2.69.142", user).status()).isEqualTo(200);
		Api.Response refused = loginThroughProxy("89.160.20.115", user);
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.json().get("type").asString()).endsWith("/country-not-allowed");
		assertThat(refused.json().get("detail").asString()).contains("Your account");
		assertThat(audited("auth.login", user)).anyMatch((details) -> details.contains("country_not_allowed"));

		Api.Response allowOnly = api.patch("/api/v1/admin/users/" + user.get("id").asString(),
				Map.of("allowed_countries", List.of("SE"), "denied_countries", List.of()), admin());
		assertThat(allowOnly.status()).as(allowOnly.body()).isEqualTo(200);
		assertThat(loginThroughProxy("89.160.20.115", user).status()).isEqualTo(200);
		assertThat(loginThroughProxy("81.2.69.142", user).status()).isEqualTo(403);
	}

	@Test
	void badRulesAreRefusedAndLeaveTheAccountAsItWas() {
		String email = "rules-" + UUID.randomUUID() + "@ferry.test";
		Api.Response created = api.post("/api/v1/admin/users",
				Map.of("email", email, "password", PASSWORD, "allowed_ips", List.of("10.0.0.0/33")), admin());
		assertThat(created.status()).isEqualTo(400);
		assertThat(created.contentType()).isEqualTo("application/problem+json");
		assertThat(created.json().get("detail").asString()).contains("allowed_ips").contains("CIDR");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM users WHERE email = ?").param(email).query(Long.class).single())
			.isZero();

		JsonNode user = newUser(Map.of("allowed_ips", List.of("127.0.0.2")));
		Api.Response patched = api.patch("/api/v1/admin/users/" + user.get("id").asString(),
				Map.of("name", "Renamed", "allowed_countries", List.of("Germany")), admin());
		assertThat(patched.status()).isEqualTo(400);
		assertThat(patched.json().get("detail").asString()).contains("allowed_countries").contains("ISO 3166");
		JsonNode unchanged = api.get("/api/v1/admin/users/" + user.get("id").asString(), admin()).json();
		assertThat(unchanged.get("name").isNull()).isTrue();
		assertThat(unchanged.get("allowed_ips").get(0).asString()).isEqualTo("127.0.0.2/32");
	}

	/**
	 * An administrator cannot set rules on their own account that refuse the address they
	 * set them from (a typo would lock them, perhaps the last administrator, out);
	 * another administrator can, and their own rules may keep their address.
	 */
	@Test
	void anAdministratorCannotLockThemselvesOut() {
		JsonNode admin = newUser(Map.of("role", "admin"));
		String id = admin.get("id").asString();
		Api from = api.from("127.0.0.7");
		String token = login(from, admin).json().get("access_token").asString();

		Api.Response lockout = from.patch("/api/v1/admin/users/" + id, Map.of("allowed_ips", List.of("10.0.0.0/8")),
				token);
		Api.Response keeping = from.patch("/api/v1/admin/users/" + id,
				Map.of("allowed_ips", List.of("127.0.0.0/24"), "name", "Kept"), token);
		Api.Response byAnother = api.patch("/api/v1/admin/users/" + id, Map.of("allowed_ips", List.of("10.0.0.0/8")),
				admin());

		assertThat(lockout.status()).as(lockout.body()).isEqualTo(409);
		assertThat(lockout.json().get("type").asString()).endsWith("/rules-lock-you-out");
		assertThat(lockout.json().get("detail").asString()).contains("127.0.0.7");
		assertThat(jdbc
			.sql("SELECT details FROM audit_log WHERE action = 'admin.user_update' AND outcome = 'failure' "
					+ "AND object_id = ?")
			.param(id)
			.query(String.class)
			.list()).anyMatch((details) -> details.contains("would_lock_out"));
		assertThat(keeping.status()).as(keeping.body()).isEqualTo(200);
		assertThat(keeping.json().get("name").asString()).isEqualTo("Kept");
		assertThat(byAnother.status()).as("another administrator may").isEqualTo(200);
		assertThat(byAnother.json().get("allowed_ips").get(0).asString()).isEqualTo("10.0.0.0/8");
	}

	private Api.Response login(Api from, JsonNode user) {
		return from.post("/api/v1/auth/login", Map.of("email", user.get("email").asString(), "password", PASSWORD),
				null);
	}

	private Api.Response loginThroughProxy(String client, JsonNode user) {
		return Curl.request("--interface", PROXY, "-H", "X-Forwarded-For: " + client, "-H",
				"Content-Type: application/json", "--data",
				"{\"email\":\"" + user.get("email").asString() + "\",\"password\":\"" + PASSWORD + "\"}",
				api.base() + "/api/v1/auth/login");
	}

	private List<String> audited(String action, JsonNode user) {
		return jdbc
			.sql("SELECT details FROM audit_log WHERE action = ? AND outcome = 'denied' AND object_id = ? "
					+ "ORDER BY seq DESC")
			.params(action, user.get("id").asString())
			.query(String.class)
			.list();
	}

	private JsonNode newUser(Map<String, Object> rules) {
		Map<String, Object> body = new java.util.HashMap<>(rules);
		body.put("email", "rules-" + UUID.randomUUID() + "@ferry.test");
		body.put("password", PASSWORD);
		Api.Response created = api.post("/api/v1/admin/users", body, admin());
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json();
	}

	/** The admin's access token, signed in once per test (hashing is slow). */
	private String admin() {
		if (adminToken == null) {
			adminToken = api.login(IntegrationTest.ADMIN_EMAIL, IntegrationTest.ADMIN_PASSWORD);
		}
		return adminToken;
	}

}
