package dev.ferry.auth.oidc;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.ferry.FerryApplication;
import dev.ferry.testing.Api;
import dev.ferry.testing.BrowserRun;
import dev.ferry.testing.ContentSafetyTest;
import dev.ferry.testing.KeycloakForm;
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
 * Single sign-on against a real Keycloak (started once per suite by
 * {@code bin/test-services}, realm {@code server/src/test/resources/keycloak}), walked
 * like a browser: Ferry's redirect, Keycloak's login page and form, the redirect back.
 * The realm is stock: realm roles reach Ferry only in the access token, groups only in
 * the UserInfo answer (a group mapper of the {@code ferry-apps} client).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = FerryApplication.class)
class KeycloakSignInIntegrationTests {

	static final String KEYCLOAK = ContentSafetyTest.requiredEnv("FERRY_TEST_KEYCLOAK_URL");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Api api;

	@DynamicPropertySource
	static void keycloak(DynamicPropertyRegistry registry) {
		OwnServer.register(registry, "keycloak");
		String issuer = KEYCLOAK + "/realms/ferry";
		registry.add("ferry.oidc.issuer", () -> issuer);
		registry.add("ferry.oidc.name", () -> "Keycloak");
		registry.add("ferry.oidc.client-id", () -> "ferry");
		registry.add("ferry.oidc.client-secret", () -> "ferry-keycloak-secret");
		registry.add("ferry.oidc.roles-claim", () -> "realm_access.roles");
		registry.add("ferry.oidc.providers[0].id", () -> "apps");
		registry.add("ferry.oidc.providers[0].name", () -> "Keycloak apps");
		registry.add("ferry.oidc.providers[0].issuer", () -> issuer);
		registry.add("ferry.oidc.providers[0].client-id", () -> "ferry-apps");
		registry.add("ferry.oidc.providers[0].client-secret", () -> "ferry-apps-secret");
		registry.add("ferry.oidc.providers[0].roles-claim", () -> "resource_access.ferry-apps.roles");
		registry.add("ferry.oidc.providers[0].role-map[transfer-admin]", () -> "admin");
		registry.add("ferry.oidc.providers[0].default-role", () -> "guest");
		registry.add("ferry.oidc.providers[0].groups-claim", () -> "groups");
		registry.add("ferry.oidc.providers[0].group-map[engineering]", () -> "Engineering");
		registry.add("ferry.oidc.providers[0].group-map[finance]", () -> "Finance");
		registry.add("ferry.oidc.providers[0].link-by-email", () -> "true");
		// A provider that cannot be reached (nothing listens on the discard port).
		registry.add("ferry.oidc.providers[1].id", () -> "down");
		registry.add("ferry.oidc.providers[1].name", () -> "Unreachable");
		registry.add("ferry.oidc.providers[1].issuer", () -> "http://127.0.0.1:9/realms/none");
		registry.add("ferry.oidc.providers[1].client-id", () -> "ferry");
	}

	@BeforeEach
	void connectClient() {
		api = new Api("http://127.0.0.1:" + port);
	}

	@Test
	void stockRealmRolesFromTheAccessTokenMapToAdminUserAndGuest() {
		Map<String, String> roles = new HashMap<>();
		for (String name : List.of("admin", "user", "guest")) {
			Browser browser = signIn("oidc", name);
			assertThat(browser.landing).as(name).isEqualTo("/");
			roles.put(name, api.get("/api/v1/me", browser.accessToken()).json().get("role").asString());
		}

		assertThat(roles)
			.containsExactlyInAnyOrderEntriesOf(Map.of("admin", "admin", "user", "user", "guest", "guest"));
		assertThat(audit("auth.login")).filteredOn((d) -> d.contains("oidc:oidc")).hasSizeGreaterThanOrEqualTo(3);
	}

	@Test
	void clientRolesGoThroughTheRoleMapAndUserInfoGroupsBecomeFerryGroups() {
		Browser admin = signIn("apps", "admin");
		Browser user = signIn("apps", "user");
		String adminToken = admin.accessToken();

		assertThat(api.get("/api/v1/me", adminToken).json().get("role").asString()).isEqualTo("admin");
		assertThat(api.get("/api/v1/me", user.accessToken()).json().get("role").asString())
			.as("no mapped client role: the default role")
			.isEqualTo("guest");
		Map<String, List<String>> members = new HashMap<>();
		for (JsonNode group : api.get("/api/v1/admin/groups", adminToken).json().get("items")) {
			members.put(group.get("name").asString(),
					group.get("members").valueStream().map((m) -> m.get("email").asString()).toList());
		}
		assertThat(members).containsEntry("Engineering", List.of("admin@keycloak.test", "user@keycloak.test"))
			.containsEntry("Finance", List.of("user@keycloak.test"));
		assertThat(audit("group.member_added")).filteredOn((d) -> d.contains("oidc:apps")).hasSize(3);
	}

	@Test
	void adminsSeeEachProvidersLastSuccessAndLastError() {
		String token = signIn("oidc", "admin").accessToken();
		Browser tampered = new Browser();
		String callback = tampered.authorize(api.base() + "/api/v1/auth/login/oidc/apps", "guest");
		tampered.cookies.remove(OidcController.STATE_COOKIE);
		tampered.land(callback);

		Api.Response unreachable = api.get("/api/v1/auth/login/oidc/down", null);

		JsonNode providers = api.get("/api/v1/admin/sign-in-providers", token).json().get("items");
		Api.Response denied = api.get("/api/v1/admin/sign-in-providers", signIn("oidc", "user").accessToken());

		assertThat(tampered.landing).isEqualTo("/signin?sso_error=state_mismatch");
		assertThat(providers.get(0).get("id").asString()).isEqualTo("oidc");
		assertThat(providers.get(0).get("type").asString()).isEqualTo("oidc");
		assertThat(providers.get(0).get("target").asString()).isEqualTo(KEYCLOAK + "/realms/ferry");
		assertThat(providers.get(0).get("last_success_at").isNull()).isFalse();
		assertThat(providers.get(1).get("id").asString()).isEqualTo("apps");
		assertThat(providers.get(1).get("last_error").asString()).isEqualTo("state_mismatch");
		assertThat(unreachable.status()).isEqualTo(302);
		assertThat(unreachable.header("Location")).isEqualTo("/signin?sso_error=discovery_failed");
		assertThat(providers.get(2).get("id").asString()).isEqualTo("down");
		assertThat(providers.get(2).get("last_error").asString()).isEqualTo("discovery_failed");
		JsonNode never = providers.get(2).path("last_success_at");
		assertThat(never.isMissingNode() || never.isNull()).isTrue();
		assertThat(denied.status()).isEqualTo(403);
		assertThat(audit("auth.sso_login")).anySatisfy((d) -> assertThat(d).contains("state_mismatch"));
		assertThat(audit("auth.sso_start")).anySatisfy((d) -> assertThat(d).contains("discovery_failed"));
	}

	/**
	 * The whole way in a real browser (web/e2e/providers-e2e.mjs): the sign-in page's
	 * Keycloak button, Keycloak's login page, back in Ferry signed in, then the admin's
	 * provider status page, shot light and dark with an axe scan.
	 */
	@Test
	void anAdminSignsInThroughKeycloakInChromiumAndSeesTheProviderWorking() throws Exception {
		JsonNode summary = BrowserRun.run("providers", port,
				Map.of("FERRY_KC_USER", "admin", "FERRY_KC_PASSWORD", KeycloakForm.PASSWORDS.get("admin")),
				Duration.ofMinutes(4));

		BrowserRun.assertScreens(summary, List.of("admin-sign-in-providers"));
		assertThat(summary.get("providers").get(0).asString()).contains("Keycloak", "Working");
		assertThat(audit("auth.login")).anySatisfy((d) -> assertThat(d).contains("oidc:oidc"));
	}

	/** A fresh browser (no Keycloak session) signed in as {@code username}. */
	Browser signIn(String provider, String username) {
		Browser browser = new Browser();
		browser.land(browser.authorize(api.base() + "/api/v1/auth/login/oidc/" + provider, username));
		return browser;
	}

	List<String> audit(String action) {
		return jdbc.sql("SELECT details FROM audit_log WHERE action = ? ORDER BY seq DESC")
			.param(action)
			.query(String.class)
			.list();
	}

	/**
	 * Cookies per host and port, sent back whatever their Secure flag (loopback HTTP).
	 */
	final class Browser {

		final Map<String, String> cookies = new HashMap<>();

		private final Map<String, Map<String, String>> jars = new HashMap<>();

		String landing;

		/**
		 * Starts at Ferry, signs in on Keycloak's login page; answers the callback URL
		 * Keycloak redirected to.
		 */
		String authorize(String start, String username) {
			Api.Response toKeycloak = send(HttpRequest.newBuilder(URI.create(start)).GET(), start);
			assertThat(toKeycloak.status()).as(toKeycloak.body()).isEqualTo(302);
			String loginPage = toKeycloak.header("Location");
			Api.Response page = send(HttpRequest.newBuilder(URI.create(loginPage)).GET(), loginPage);
			assertThat(page.status()).as(page.body()).isEqualTo(200);
			String action = KeycloakForm.action(page.body());
			Api.Response posted = send(HttpRequest.newBuilder(URI.create(action))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(KeycloakForm.body(username))), action);
			assertThat(posted.status()).as(posted.body()).isEqualTo(302);
			return posted.header("Location");
		}

		void land(String callback) {
			Api.Response landed = send(HttpRequest.newBuilder(URI.create(callback)).GET(), callback);
			assertThat(landed.status()).isEqualTo(302);
			landing = landed.header("Location");
		}

		String accessToken() {
			return new OidcIntegrationTests.Flow(cookies, landing).accessToken(api);
		}

		private Api.Response send(HttpRequest.Builder request, String url) {
			URI uri = URI.create(url);
			return OidcIntegrationTests.withCookies(api, request, url.startsWith(api.base()) ? cookies
					: jars.computeIfAbsent(uri.getHost() + ":" + uri.getPort(), (origin) -> new HashMap<>()));
		}

	}

}
