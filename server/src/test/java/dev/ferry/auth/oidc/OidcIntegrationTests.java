package dev.ferry.auth.oidc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import dev.ferry.auth.ClientInfo;
import dev.ferry.FerryApplication;
import dev.ferry.auth.session.RefreshCookies;
import dev.ferry.crypto.KeyEncryptionKey;
import dev.ferry.testing.Api;
import dev.ferry.testing.IntegrationTest;
import dev.ferry.testing.MutableClock;
import dev.ferry.testing.OwnServer;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Single sign-on against a real identity provider (navikt's mock-oauth2-server on
 * loopback), walked like a browser: every redirect followed by hand, cookies kept. This
 * server accepts no passwords, so even the admin signs in through the provider.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		classes = { FerryApplication.class, OidcIntegrationTests.ClockConfiguration.class },
		properties = { "ferry.account.password-login=false", "ferry.oidc.name=Company login",
				"ferry.oidc.client-id=ferry", "ferry.oidc.client-secret=ferry-secret", "ferry.oidc.roles-claim=groups",
				"ferry.oidc.admin-role=ferry-admins", "ferry.oidc.guest-role=ferry-guests",
				"ferry.oidc.providers[0].id=partner", "ferry.oidc.providers[0].name=Partner login",
				"ferry.oidc.providers[0].client-id=ferry-partner",
				"ferry.oidc.providers[0].client-secret=partner-secret", "ferry.oidc.providers[0].auto-provision=false",
				"ferry.oidc.providers[0].link-by-email=true" })
public class OidcIntegrationTests {

	static final MockOAuth2Server IDP = startProvider();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	KeyEncryptionKey kek;

	Api api;

	@DynamicPropertySource
	static void ownServer(DynamicPropertyRegistry registry) {
		OwnServer.register(registry, "oidc");
		registry.add("ferry.oidc.issuer", () -> IDP.issuerUrl("company").toString());
		// A list binds from one property source only, so every field of it is here.
		registry.add("ferry.oidc.providers[0].issuer", () -> IDP.issuerUrl("partner").toString());
		registry.add("ferry.oidc.providers[0].id", () -> "partner");
		registry.add("ferry.oidc.providers[0].name", () -> "Partner login");
		registry.add("ferry.oidc.providers[0].client-id", () -> "ferry-partner");
		registry.add("ferry.oidc.providers[0].client-secret", () -> "partner-secret");
		registry.add("ferry.oidc.providers[0].auto-provision", () -> "false");
		registry.add("ferry.oidc.providers[0].link-by-email", () -> "true");
		registry.add("ferry.oidc.providers[1].issuer", () -> IDP.issuerUrl("directory").toString());
		registry.add("ferry.oidc.providers[1].id", () -> "directory");
		registry.add("ferry.oidc.providers[1].client-id", () -> "ferry-directory");
		registry.add("ferry.oidc.providers[1].client-secret", () -> "directory-secret");
		registry.add("ferry.oidc.providers[1].trust-unverified-email", () -> "true");
	}

	@BeforeEach
	void connectClient() {
		api = new Api("http://127.0.0.1:" + port);
	}

	@Test
	void providersAreListedAndPasswordsRefused() {
		JsonNode methods = api.get("/api/v1/auth/providers", null).json().get("items");
		Api.Response password = api.post("/api/v1/auth/login",
				Map.of("email", IntegrationTest.ADMIN_EMAIL, "password", IntegrationTest.ADMIN_PASSWORD), null);

		assertThat(methods.valueStream().map((m) -> m.get("type").asString())).containsExactly("passkey", "oidc",
				"oidc", "oidc");
		assertThat(methods.get(1).get("name").asString()).isEqualTo("Company login");
		assertThat(methods.get(1).get("start_url").asString()).isEqualTo("/api/v1/auth/login/oidc/oidc");
		assertThat(methods.get(2).get("id").asString()).isEqualTo("partner");
		assertThat(password.status()).isEqualTo(403);
		assertThat(password.json().get("type").asString()).isEqualTo("/problems/password-login-disabled");

		// The refusal tells a Ferry account from an address a directory would check, so
		// probing is counted like guessing: an address and account get ten a window.
		Api prober = api.from("127.0.7.1");
		String probed = "probed-" + UUID.randomUUID() + "@company.test";
		for (int i = 0; i < 10; i++) {
			assertThat(prober.post("/api/v1/auth/login", Map.of("email", probed, "password", "whatever-it-is"), null)
				.status()).isEqualTo(403);
		}
		assertThat(
				prober.post("/api/v1/auth/login", Map.of("email", probed, "password", "whatever-it-is"), null).status())
			.isEqualTo(429);
	}

	@Test
	void aNewUserIsProvisionedWithTheMappedRoleAndSignedInLikeAfterAPassword() {
		String email = "sso-" + UUID.randomUUID() + "@company.test";
		Flow flow = signIn("oidc", UUID.randomUUID().toString(), claims(email, true, List.of("staff", "ferry-admins")));

		assertThat(flow.landing()).isEqualTo("/");
		assertThat(flow.cookies()).containsKeys(RefreshCookies.REFRESH, RefreshCookies.CSRF, ClientInfo.DEVICE_COOKIE);
		JsonNode me = api.get("/api/v1/me", flow.accessToken(api)).json();
		assertThat(me.get("email").asString()).isEqualTo(email);
		assertThat(me.get("role").asString()).isEqualTo("admin");
		assertThat(audit("auth.sso_provision")).anySatisfy((d) -> assertThat(d).contains("\"role\":\"admin\""));
		assertThat(audit("auth.login")).anySatisfy((d) -> assertThat(d).contains("oidc:oidc"));
	}

	@Test
	void theRoleFollowsTheProviderAtEverySignIn() {
		String subject = UUID.randomUUID().toString();
		String email = "sso-role-" + UUID.randomUUID() + "@company.test";
		signIn("oidc", subject, claims(email, true, List.of("ferry-guests")));
		Flow demoted = signIn("oidc", subject, claims(email, true, List.of("ferry-guests")));
		assertThat(api.get("/api/v1/me", demoted.accessToken(api)).json().get("role").asString()).isEqualTo("guest");

		Flow promoted = signIn("oidc", subject, claims(email, true, List.of("staff")));

		assertThat(api.get("/api/v1/me", promoted.accessToken(api)).json().get("role").asString()).isEqualTo("user");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM users WHERE email = ?").param(email).query(Long.class).single())
			.isEqualTo(1);
	}

	/**
	 * A provider account showing an address it does not vouch for gets no account of that
	 * address (nor the shares meant for it), unless the provider's addresses are trusted
	 * as its directory's.
	 */
	@Test
	void anUnverifiedAddressIsProvisionedOnlyWhereTheProvidersAddressesAreTrusted() {
		String email = "unverified-" + UUID.randomUUID() + "@company.test";

		Flow refused = signIn("oidc", UUID.randomUUID().toString(), claims(email, false, List.of()));
		Flow trusted = signIn("directory", UUID.randomUUID().toString(), claims(email, false, List.of()));

		assertThat(refused.landing()).isEqualTo("/signin?sso_error=email_unverified");
		assertThat(audit("auth.sso_login")).anySatisfy((d) -> assertThat(d).contains("email_unverified"));
		assertThat(trusted.landing()).isEqualTo("/");
		assertThat(api.get("/api/v1/me", trusted.accessToken(api)).json().get("email").asString()).isEqualTo(email);
	}

	@Test
	void aVerifiedEmailLinksAnExistingAccountOnlyWhereLinkingIsOn() {
		String admin = signIn("oidc", UUID.randomUUID().toString(),
				claims("sso-admin-" + UUID.randomUUID() + "@company.test", true, List.of("ferry-admins")))
			.accessToken(api);
		String email = "local-" + UUID.randomUUID() + "@partner.test";
		String id = api
			.post("/api/v1/admin/users", Map.of("email", email, "password", "local-account-passphrase-Rb6"), admin)
			.json()
			.get("id")
			.asString();

		Flow unverified = signIn("partner", UUID.randomUUID().toString(), claims(email, false, List.of()));
		Flow elsewhere = signIn("oidc", UUID.randomUUID().toString(), claims(email, true, List.of()));
		Flow unknown = signIn("partner", UUID.randomUUID().toString(),
				claims("stranger-" + UUID.randomUUID() + "@partner.test", true, List.of()));
		Flow linked = signIn("partner", UUID.randomUUID().toString(), claims(email, true, List.of()));

		assertThat(unverified.landing()).isEqualTo("/signin?sso_error=account_exists");
		assertThat(elsewhere.landing()).as("the company provider does not link")
			.isEqualTo("/signin?sso_error=account_exists");
		assertThat(unknown.landing()).isEqualTo("/signin?sso_error=not_provisioned");
		assertThat(linked.landing()).isEqualTo("/");
		assertThat(api.get("/api/v1/me", linked.accessToken(api)).json().get("id").asString()).isEqualTo(id);
	}

	/**
	 * Linking goes by the address alone, so a provider that vouches for an
	 * administrator's address is refused rather than handed the server.
	 */
	@Test
	void anAdministratorsAccountIsNeverLinkedByEmail() {
		String admin = flowToken(
				claims("sso-admin-" + UUID.randomUUID() + "@company.test", true, List.of("ferry-admins")));
		String email = "local-admin-" + UUID.randomUUID() + "@partner.test";
		Api.Response created = api.post("/api/v1/admin/users",
				Map.of("email", email, "password", "local-account-passphrase-Rb6", "role", "admin"), admin);
		assertThat(created.status()).as(created.body()).isEqualTo(201);

		Flow refused = signIn("partner", UUID.randomUUID().toString(), claims(email, true, List.of()));

		assertThat(refused.landing()).isEqualTo("/signin?sso_error=admin_not_linked");
		assertThat(refused.cookies()).doesNotContainKey(RefreshCookies.REFRESH);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM user_identities WHERE user_id = ?")
			.param(created.json().get("id").asString())
			.query(Long.class)
			.single()).isZero();
		assertThat(audit("auth.sso_login")).anySatisfy((d) -> assertThat(d).contains("admin_not_linked"));
	}

	/**
	 * A suspended account is refused before the sign-in writes anything: a role the
	 * provider grants meanwhile does not wait in it for its reactivation.
	 */
	@Test
	void aSuspendedAccountIsRefusedBeforeTheProviderChangesItsRole() {
		String admin = flowToken(
				claims("sso-admin-" + UUID.randomUUID() + "@company.test", true, List.of("ferry-admins")));
		String subject = UUID.randomUUID().toString();
		String email = "sso-suspended-" + UUID.randomUUID() + "@company.test";
		signIn("oidc", subject, claims(email, true, List.of("staff")));
		String id = jdbc.sql("SELECT id FROM users WHERE email = ?").param(email).query(String.class).single();
		assertThat(api.post("/api/v1/admin/users/" + id + "/suspend", Map.of(), admin).status()).isEqualTo(200);

		Flow refused = signIn("oidc", subject, claims(email, true, List.of("ferry-admins")));

		assertThat(refused.landing()).isEqualTo("/signin?sso_error=suspended");
		assertThat(api.get("/api/v1/admin/users/" + id, admin).json().get("role").asString()).isEqualTo("user");
	}

	@Test
	void aTamperedOrReplayedStateIsRefused() {
		Flow tamperedFlow = new Flow(new HashMap<>(), null);
		String tampered = authorize(tamperedFlow, "oidc").replace("state=", "state=x");
		Flow withoutCookie = new Flow(new HashMap<>(), null);
		String noCookie = authorize(withoutCookie, "oidc");
		withoutCookie.cookies().remove(OidcController.STATE_COOKIE);
		Flow replay = new Flow(new HashMap<>(), null);
		String good = authorize(replay, "oidc");
		Map<String, String> cookies = new HashMap<>(replay.cookies());

		assertThat(land(tamperedFlow, tampered).landing()).isEqualTo("/signin?sso_error=state_mismatch");
		assertThat(land(withoutCookie, noCookie).landing()).isEqualTo("/signin?sso_error=state_mismatch");
		IDP.enqueueCallback(callback("oidc", UUID.randomUUID().toString(),
				claims("replay-" + UUID.randomUUID() + "@company.test", true, List.of()), 3600));
		assertThat(land(replay, good).landing()).isEqualTo("/");
		replay.cookies().putAll(cookies);
		assertThat(land(replay, good).landing()).isEqualTo("/signin?sso_error=unknown_state");
		assertThat(audit("auth.sso_login")).anySatisfy((d) -> assertThat(d).contains("state_mismatch"))
			.anySatisfy((d) -> assertThat(d).contains("unknown_state"));
	}

	@Test
	void aWrongNonceAWrongIssuerAndAnExpiredIdTokenAreRefused() {
		Map<String, Object> forgedNonce = claims("nonce-" + UUID.randomUUID() + "@company.test", true, List.of());
		forgedNonce.put("nonce", "forged");
		Map<String, Object> otherIssuer = claims("issuer-" + UUID.randomUUID() + "@company.test", true, List.of());
		otherIssuer.put("iss", IDP.issuerUrl("partner").toString());
		Map<String, Object> late = claims("expired-" + UUID.randomUUID() + "@company.test", true, List.of());

		Flow nonce = signIn("oidc", UUID.randomUUID().toString(), forgedNonce);
		Flow issuer = signIn("oidc", UUID.randomUUID().toString(), otherIssuer);
		Flow slow = new Flow(new HashMap<>(), null);
		String callback = authorize(slow, "oidc");
		IDP.enqueueCallback(callback("oidc", UUID.randomUUID().toString(), late, 60));
		clock.advance(Duration.ofMinutes(9));
		Flow expired = land(slow, callback);

		assertThat(nonce.landing()).isEqualTo("/signin?sso_error=invalid_id_token");
		assertThat(issuer.landing()).isEqualTo("/signin?sso_error=invalid_id_token");
		assertThat(expired.landing()).isEqualTo("/signin?sso_error=invalid_id_token");
		assertThat(jdbc
			.sql("SELECT COUNT(*) FROM users WHERE email LIKE 'nonce-%' OR email LIKE 'issuer-%' "
					+ "OR email LIKE 'expired-%'")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void signingOutSendsTheBrowserToTheProvidersLogout() {
		Flow flow = signIn("oidc", UUID.randomUUID().toString(),
				claims("logout-" + UUID.randomUUID() + "@company.test", true, List.of()));
		String token = flow.accessToken(api);

		Api.Response logout = api.post("/api/v1/auth/logout", Map.of(), token);

		assertThat(logout.status()).isEqualTo(200);
		String url = logout.json().get("logout_url").asString();
		assertThat(url).startsWith(IDP.endSessionEndpointUrl("company").toString())
			.contains("id_token_hint=", "client_id=ferry", "post_logout_redirect_uri=");
		Api.Response atProvider = api.send(HttpRequest.newBuilder(URI.create(url)).GET());
		assertThat(atProvider.header("Location")).startsWith(api.base() + "/");
		assertThat(api.get("/api/v1/me", token).status()).isEqualTo(401);
	}

	@Test
	void idTokensSealedBeforeAKeyRotationAreResealedAndStillSignOut() {
		String user = flowToken(claims("rotated-" + UUID.randomUUID() + "@company.test", true, List.of()));
		String admin = flowToken(
				claims("rotator-" + UUID.randomUUID() + "@company.test", true, List.of("ferry-admins")));

		Api.Response rotated = api.post("/api/v1/admin/keys/rotate", "", admin);

		assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
		assertThat(jdbc.sql("SELECT sealed_id_token FROM sso_sessions").query(byte[].class).list()).isNotEmpty()
			.allSatisfy((sealed) -> assertThat(kek.keyIdOf(sealed)).isEqualTo(kek.primaryKeyId()));
		Api.Response logout = api.post("/api/v1/auth/logout", Map.of(), user);
		assertThat(logout.status()).isEqualTo(200);
		assertThat(logout.json().get("logout_url").asString()).contains("id_token_hint=");
	}

	@Test
	void anAccountLimitedToOtherNetworksCannotSignInWithTheProvider() {
		String admin = flowToken(
				claims("sso-admin-" + UUID.randomUUID() + "@company.test", true, List.of("ferry-admins")));
		String subject = UUID.randomUUID().toString();
		String email = "sso-net-" + UUID.randomUUID() + "@company.test";
		signIn("oidc", subject, claims(email, true, List.of("staff")));
		String id = jdbc.sql("SELECT id FROM users WHERE email = ?").param(email).query(String.class).single();
		Api.Response limited = api.patch("/api/v1/admin/users/" + id, Map.of("allowed_ips", List.of("127.0.0.99/32")),
				admin);
		assertThat(limited.status()).as(limited.body()).isEqualTo(200);

		Flow flow = new Flow(new HashMap<>(), null);
		String callbackUrl = authorize(flow, "oidc");
		IDP.enqueueCallback(callback("oidc", subject, claims(email, true, List.of("staff")), 3600));
		Flow refused = land(flow, callbackUrl);

		assertThat(refused.landing()).as("the browser is sent to the sign-in page, which says why")
			.isEqualTo("/signin?sso_error=ip_not_allowed");
		assertThat(refused.cookies()).doesNotContainKey(RefreshCookies.REFRESH);
		assertThat(jdbc
			.sql("SELECT details FROM audit_log WHERE action = 'auth.login' AND outcome = 'denied' "
					+ "AND object_id = ?")
			.param(id)
			.query(String.class)
			.list()).anyMatch((details) -> details.contains("ip_not_allowed"));
	}

	private String flowToken(Map<String, Object> claims) {
		return signIn("oidc", UUID.randomUUID().toString(), claims).accessToken(api);
	}

	/** Walks the whole flow for a user the provider will vouch for. */
	Flow signIn(String provider, String subject, Map<String, Object> claims) {
		return signIn(provider, callback(provider, subject, claims, 3600));
	}

	Flow signIn(String provider, DefaultOAuth2TokenCallback callback) {
		Flow flow = new Flow(new HashMap<>(), null);
		String callbackUrl = authorize(flow, provider);
		IDP.enqueueCallback(callback);
		return land(flow, callbackUrl);
	}

	/**
	 * Follows the provider's redirect back to Ferry; answers where Ferry sent the
	 * browser.
	 */
	Flow land(Flow flow, String callbackUrl) {
		Api.Response landed = get(callbackUrl, flow);
		assertThat(landed.status()).isEqualTo(302);
		return new Flow(flow.cookies(), landed.header("Location"));
	}

	/**
	 * Starts a sign-in and lets the provider answer it; returns the callback URL the
	 * provider redirected to. The provider vouches for whoever the next queued callback
	 * names, when Ferry redeems the code.
	 */
	String authorize(Flow flow, String provider) {
		Api.Response start = get(api.base() + "/api/v1/auth/login/oidc/" + provider, flow);
		assertThat(start.status()).as(start.body()).isEqualTo(302);
		Api.Response authorized = get(start.header("Location"), flow);
		assertThat(authorized.status()).isEqualTo(302);
		return authorized.header("Location");
	}

	static DefaultOAuth2TokenCallback callback(String provider, String subject, Map<String, Object> claims,
			long expirySeconds) {
		String issuerId = switch (provider) {
			case "partner", "directory" -> provider;
			default -> "company";
		};
		String audience = switch (provider) {
			case "partner", "directory" -> "ferry-" + provider;
			default -> "ferry";
		};
		return new DefaultOAuth2TokenCallback(issuerId, subject, "JWT", List.of(audience), claims, expirySeconds);
	}

	/** A GET as a browser makes it: sends Ferry the cookies it has, keeps Ferry's. */
	Api.Response get(String url, Flow flow) {
		return withCookies(api, HttpRequest.newBuilder(URI.create(url)).GET(),
				url.startsWith(api.base()) ? flow.cookies() : new HashMap<>());
	}

	/**
	 * Sends {@code request} with the cookies of {@code jar} and keeps the ones the answer
	 * sets (an emptied one is removed), whatever their Secure flag: loopback is plain
	 * HTTP.
	 */
	public static Api.Response withCookies(Api api, HttpRequest.Builder request, Map<String, String> jar) {
		if (!jar.isEmpty()) {
			request.header("Cookie",
					String.join("; ", jar.entrySet().stream().map((e) -> e.getKey() + "=" + e.getValue()).toList()));
		}
		Api.Response response = api.send(request);
		response.headers().getOrDefault("set-cookie", List.of()).forEach((cookie) -> {
			String pair = cookie.contains(";") ? cookie.substring(0, cookie.indexOf(';')) : cookie;
			String name = pair.substring(0, pair.indexOf('='));
			String value = pair.substring(pair.indexOf('=') + 1);
			if (value.isEmpty() || cookie.toLowerCase(Locale.ROOT).contains("max-age=0")) {
				jar.remove(name);
			}
			else {
				jar.put(name, value);
			}
		});
		return response;
	}

	List<String> audit(String action) {
		return jdbc.sql("SELECT details FROM audit_log WHERE action = ? ORDER BY seq DESC")
			.param(action)
			.query(String.class)
			.list();
	}

	static Map<String, Object> claims(String email, boolean verified, List<String> groups) {
		Map<String, Object> claims = new HashMap<>();
		claims.put("email", email);
		claims.put("email_verified", verified);
		claims.put("name", "SSO " + email);
		claims.put("groups", groups);
		return claims;
	}

	private static MockOAuth2Server startProvider() {
		MockOAuth2Server server = new MockOAuth2Server();
		try {
			server.start(InetAddress.getByName("127.0.0.1"), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown));
		return server;
	}

	/** A browser's cookie jar and where the sign-in left it. */
	public record Flow(Map<String, String> cookies, String landing) {

		/** Exchanges the refresh cookie for an access token, as the UI does on load. */
		public String accessToken(Api api) {
			Api.Response refreshed = api.send(api.builder("/api/v1/auth/refresh", null)
				.header("Cookie",
						RefreshCookies.REFRESH + "=" + cookies.get(RefreshCookies.REFRESH) + "; " + RefreshCookies.CSRF
								+ "=" + cookies.get(RefreshCookies.CSRF))
				.header(RefreshCookies.CSRF_HEADER, cookies.get(RefreshCookies.CSRF))
				.POST(HttpRequest.BodyPublishers.noBody()));
			assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
			return refreshed.json().get("access_token").asString();
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class ClockConfiguration {

		@Bean
		@Primary
		MutableClock testClock() {
			return new MutableClock(Instant.now());
		}

	}

}
