package dev.ferry.auth.saml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.ferry.FerryApplication;
import dev.ferry.auth.oidc.OidcIntegrationTests;
import dev.ferry.auth.session.RefreshCookies;
import dev.ferry.testing.Api;
import dev.ferry.testing.ContentSafetyTest;
import dev.ferry.testing.KeycloakForm;
import dev.ferry.testing.OwnServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

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
import static org.awaitility.Awaitility.await;

/**
 * SAML 2.0 sign-in against a real Keycloak acting as the identity provider (started once
 * per suite by {@code bin/test-services}; client {@code ferry-saml} of the realm in
 * {@code server/src/test/resources/keycloak}), walked like a browser: Ferry's redirect,
 * Keycloak's login form, Keycloak's auto-posting form back to Ferry's assertion consumer.
 * The bad responses are real Keycloak responses, changed, kept, replayed or sent to the
 * wrong service provider; Ferry's clock is shifted an hour for the expired one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		classes = { FerryApplication.class, SamlSignInIntegrationTests.ClockConfiguration.class })
class SamlSignInIntegrationTests {

	static final String KEYCLOAK = ContentSafetyTest.requiredEnv("FERRY_TEST_KEYCLOAK_URL");

	static final String DESCRIPTOR = KEYCLOAK + "/realms/ferry/protocol/saml/descriptor";

	static final OperatorKeyPair OPERATOR_KEY = OperatorKeyPair.make();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ShiftedClock clock;

	Api api;

	@DynamicPropertySource
	static void saml(DynamicPropertyRegistry registry) {
		OwnServer.register(registry, "saml");
		registry.add("ferry.saml.providers[0].id", () -> "keycloak");
		registry.add("ferry.saml.providers[0].name", () -> "Keycloak SAML");
		registry.add("ferry.saml.providers[0].metadata-url", () -> DESCRIPTOR);
		registry.add("ferry.saml.providers[0].entity-id", () -> "ferry-saml");
		registry.add("ferry.saml.providers[0].name-attribute", () -> "givenName");
		registry.add("ferry.saml.providers[0].roles-attribute", () -> "Role");
		registry.add("ferry.saml.providers[0].groups-attribute", () -> "member");
		registry.add("ferry.saml.providers[0].group-map[engineering]", () -> "Engineering");
		registry.add("ferry.saml.providers[0].group-map[finance]", () -> "Finance");
		// Tests run in any order; another provider may have made the account first.
		registry.add("ferry.saml.providers[0].link-by-email", () -> "true");
		// The same identity provider, its metadata from a file, for the same Keycloak
		// client.
		registry.add("ferry.saml.providers[1].id", () -> "file");
		registry.add("ferry.saml.providers[1].metadata-file", SamlSignInIntegrationTests::descriptorFile);
		registry.add("ferry.saml.providers[1].entity-id", () -> "ferry-saml");
		registry.add("ferry.saml.providers[1].link-by-email", () -> "true");
		// Another service provider of the same identity provider: not the audience of
		// the assertions Keycloak makes for ferry-saml.
		registry.add("ferry.saml.providers[2].id", () -> "other");
		registry.add("ferry.saml.providers[2].name", () -> "Other SP");
		registry.add("ferry.saml.providers[2].metadata-url", () -> DESCRIPTOR);
		registry.add("ferry.saml.providers[2].entity-id", () -> "ferry-saml-other");
		// Sign-ins started at Keycloak, each with its own Keycloak client: one provider
		// takes them, the other (the default) refuses them.
		registry.add("ferry.saml.providers[3].id", () -> "idp");
		registry.add("ferry.saml.providers[3].metadata-url", () -> DESCRIPTOR);
		registry.add("ferry.saml.providers[3].entity-id", () -> "ferry-saml-idp");
		registry.add("ferry.saml.providers[3].idp-initiated", () -> "true");
		registry.add("ferry.saml.providers[4].id", () -> "noidp");
		registry.add("ferry.saml.providers[4].metadata-url", () -> DESCRIPTOR);
		registry.add("ferry.saml.providers[4].entity-id", () -> "ferry-saml-noidp");
		// Assertions Keycloak encrypts to Ferry's key (its own Keycloak client),
		// required.
		registry.add("ferry.saml.providers[5].id", () -> "enc");
		registry.add("ferry.saml.providers[5].metadata-url", () -> DESCRIPTOR);
		registry.add("ferry.saml.providers[5].entity-id", () -> "ferry-saml-enc");
		registry.add("ferry.saml.providers[5].require-encryption", () -> "true");
		registry.add("ferry.saml.providers[5].link-by-email", () -> "true");
		// Single logout with its own Keycloak client, which checks Ferry's signatures.
		registry.add("ferry.saml.providers[6].id", () -> "slo");
		registry.add("ferry.saml.providers[6].metadata-url", () -> DESCRIPTOR);
		registry.add("ferry.saml.providers[6].entity-id", () -> "ferry-saml-slo");
		registry.add("ferry.saml.providers[6].link-by-email", () -> "true");
		// Ferry's key pair from the operator's PEM files, assertions encrypted to it.
		registry.add("ferry.saml.providers[7].id", () -> "fixed");
		registry.add("ferry.saml.providers[7].metadata-url", () -> DESCRIPTOR);
		registry.add("ferry.saml.providers[7].entity-id", () -> "ferry-saml-fixed");
		registry.add("ferry.saml.providers[7].require-encryption", () -> "true");
		registry.add("ferry.saml.providers[7].link-by-email", () -> "true");
		// Every provider but enc signs with the operator's key pair too: a key Ferry
		// makes on first use is 3,072-bit RSA, seconds of CPU each in the test JVM
		// (C1 only), and enc covers that path.
		for (int provider : new int[] { 0, 1, 2, 3, 4, 6, 7 }) {
			registry.add("ferry.saml.providers[" + provider + "].sp-key-file", () -> OPERATOR_KEY.keyFile().toString());
			registry.add("ferry.saml.providers[" + provider + "].sp-cert-file",
					() -> OPERATOR_KEY.certificateFile().toString());
		}
	}

	@BeforeEach
	void connectClient() {
		api = new Api("http://127.0.0.1:" + port);
		ensureKeycloakClient(template());
	}

	@Test
	void keycloakUsersSignInWithTheirRolesAndGroups() {
		Map<String, String> roles = new HashMap<>();
		for (String name : List.of("admin", "user", "guest")) {
			Browser browser = new Browser();
			browser.post("keycloak", browser.signIn("keycloak", name));
			assertThat(browser.landing).as(name).isEqualTo("/");
			JsonNode me = api.get("/api/v1/me", browser.accessToken()).json();
			roles.put(me.get("email").asString(), me.get("role").asString());
		}
		Browser fromFile = new Browser();
		fromFile.post("file", fromFile.signIn("file", "user"));
		String adminToken = signedIn("admin").accessToken();

		assertThat(roles).containsExactlyInAnyOrderEntriesOf(
				Map.of("admin@keycloak.test", "admin", "user@keycloak.test", "user", "guest@keycloak.test", "guest"));
		assertThat(fromFile.landing).isEqualTo("/");
		assertThat(api.get("/api/v1/me", fromFile.accessToken()).json().get("email").asString())
			.isEqualTo("user@keycloak.test");
		assertThat(audit("auth.sso_link")).anySatisfy((d) -> assertThat(d).contains("saml:file"));
		Map<String, List<String>> members = new HashMap<>();
		for (JsonNode group : api.get("/api/v1/admin/groups", adminToken).json().get("items")) {
			members.put(group.get("name").asString(),
					group.get("members").valueStream().map((m) -> m.get("email").asString()).toList());
		}
		assertThat(members.get("Engineering")).containsExactlyInAnyOrder("admin@keycloak.test", "user@keycloak.test");
		assertThat(members.get("Finance")).containsExactly("user@keycloak.test");
		assertThat(audit("auth.login")).filteredOn((d) -> d.contains("saml:keycloak")).hasSizeGreaterThanOrEqualTo(3);
	}

	@Test
	void theSignInPageOffersEachProviderAndFerryPublishesItsMetadata() {
		JsonNode methods = api.get("/api/v1/auth/providers", null).json().get("items");
		Api.Response metadata = api.get("/api/v1/auth/saml/keycloak/metadata", null);
		Api.Response unknown = api.get("/api/v1/auth/saml/nobody/metadata", null);

		assertThat(methods.valueStream().filter((m) -> "saml".equals(m.get("type").asString())))
			.extracting((m) -> m.get("id").asString() + " " + m.get("start_url").asString())
			.containsExactly("keycloak /api/v1/auth/login/saml/keycloak", "file /api/v1/auth/login/saml/file",
					"other /api/v1/auth/login/saml/other", "idp /api/v1/auth/login/saml/idp",
					"noidp /api/v1/auth/login/saml/noidp", "enc /api/v1/auth/login/saml/enc",
					"slo /api/v1/auth/login/saml/slo", "fixed /api/v1/auth/login/saml/fixed");
		assertThat(metadata.status()).isEqualTo(200);
		assertThat(metadata.contentType()).startsWith("application/samlmetadata+xml");
		assertThat(metadata.body()).contains("entityID=\"ferry-saml\"", "WantAssertionsSigned=\"true\"",
				"/api/v1/auth/saml/keycloak/acs\"");
		assertThat(unknown.status()).isEqualTo(404);
	}

	@Test
	void aTamperedAssertionIsRefusedAndAudited() {
		Browser browser = new Browser();
		Posted posted = browser.signIn("keycloak", "user");
		String xml = new String(Base64.getDecoder().decode(posted.samlResponse()), StandardCharsets.UTF_8);
		assertThat(xml).contains("user@keycloak.test");
		String forged = Base64.getEncoder()
			.encodeToString(xml.replace("user@keycloak.test", "admin@keycloak.test").getBytes(StandardCharsets.UTF_8));

		browser.post("keycloak", new Posted(forged, posted.relayState()));

		assertThat(browser.landing).isEqualTo("/signin?sso_error=invalid_signature");
		assertThat(browser.cookies).doesNotContainKey("__Secure-ferry-refresh");
		assertThat(audit("auth.sso_login")).anySatisfy((d) -> assertThat(d).contains("invalid_signature"));
	}

	@Test
	void aDoctypeOrAWrappedSecondAssertionIsRefused() {
		Browser browser = new Browser();
		Posted posted = browser.signIn("keycloak", "user");
		String xml = new String(Base64.getDecoder().decode(posted.samlResponse()), StandardCharsets.UTF_8)
			.replaceFirst("^<\\?xml[^>]*\\?>", "");
		Matcher assertion = Pattern.compile("<(\\w+:)?Assertion[\\s>].*?</\\1?Assertion>", Pattern.DOTALL).matcher(xml);
		assertThat(assertion.find()).isTrue();
		String forgedCopy = assertion.group().replace("user@keycloak.test", "admin@keycloak.test");
		String wrapped = xml.substring(0, assertion.start()) + forgedCopy + xml.substring(assertion.start());
		String doctype = "<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>" + xml;

		browser.post("keycloak", new Posted(base64(wrapped), posted.relayState()));
		String afterWrapped = browser.landing;
		browser.post("keycloak", new Posted(base64(doctype), posted.relayState()));

		assertThat(afterWrapped).isEqualTo("/signin?sso_error=malformed");
		assertThat(browser.landing).isEqualTo("/signin?sso_error=malformed");
	}

	static String base64(String xml) {
		return Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void aReplayedAssertionIsRefusedAndAudited() {
		Browser victim = new Browser();
		Posted posted = victim.signIn("keycloak", "guest");
		victim.post("keycloak", posted);
		Browser attacker = new Browser();
		String relay = attacker.start("keycloak");

		attacker.post("keycloak", new Posted(posted.samlResponse(), relay));

		assertThat(victim.landing).isEqualTo("/");
		assertThat(attacker.landing).isEqualTo("/signin?sso_error=replayed");
		assertThat(audit("auth.sso_login")).anySatisfy((d) -> assertThat(d).contains("replayed"));
	}

	@Test
	void anExpiredAssertionIsRefusedAndAudited() {
		Browser browser = new Browser();
		Posted posted = browser.signIn("keycloak", "user");
		clock.shift(Duration.ofHours(1));
		try {
			browser.post("keycloak", posted);
		}
		finally {
			clock.shift(Duration.ZERO);
		}

		assertThat(browser.landing).isEqualTo("/signin?sso_error=expired");
		assertThat(audit("auth.sso_login")).anySatisfy((d) -> assertThat(d).contains("expired"));
	}

	@Test
	void anAssertionForAnotherServiceProviderIsRefusedAndShownInTheProviderStatus() {
		Posted forFerry = new Browser().signIn("keycloak", "user");
		Browser other = new Browser();
		String relay = other.start("other");

		other.post("other", new Posted(forFerry.samlResponse(), relay));
		JsonNode providers = api.get("/api/v1/admin/sign-in-providers", signedIn("admin").accessToken())
			.json()
			.get("items");

		assertThat(other.landing).isEqualTo("/signin?sso_error=wrong_audience");
		assertThat(audit("auth.sso_login")).anySatisfy((d) -> assertThat(d).contains("saml:other", "wrong_audience"));
		Map<String, JsonNode> saml = new HashMap<>();
		providers.valueStream()
			.filter((p) -> "saml".equals(p.get("type").asString()))
			.forEach((p) -> saml.put(p.get("id").asString(), p));
		assertThat(saml.get("keycloak").get("target").asString()).isEqualTo(DESCRIPTOR);
		assertThat(saml.get("keycloak").get("last_success_at").isNull()).isFalse();
		assertThat(saml.get("other").get("last_error").asString()).isEqualTo("wrong_audience");
		assertThat(saml.get("keycloak").get("settings").get("encryption").asString()).isEqualTo("optional");
		assertThat(saml.get("enc").get("settings").get("encryption").asString()).isEqualTo("required");
		assertThat(saml.get("keycloak").get("settings").get("logout_url").asString())
			.isEqualTo(api.base() + "/api/v1/auth/saml/keycloak/slo");
	}

	@Test
	void aSignInStartedAtKeycloakIsTakenOnlyWhereConfigured() {
		idpInitiatedClient("ferry-saml-idp", "idp");
		idpInitiatedClient("ferry-saml-noidp", "noidp");
		Browser taken = new Browser();
		taken.post("idp", taken.login(KEYCLOAK + "/realms/ferry/protocol/saml/clients/ferry-saml-idp", "user"));
		Browser refused = new Browser();
		refused.post("noidp", refused.login(KEYCLOAK + "/realms/ferry/protocol/saml/clients/ferry-saml-noidp", "user"));

		assertThat(taken.landing).isEqualTo("/");
		assertThat(api.get("/api/v1/me", taken.accessToken()).json().get("email").asString())
			.isEqualTo("user@keycloak.test");
		assertThat(refused.landing).isEqualTo("/signin?sso_error=unsolicited");
		assertThat(audit("auth.sso_login")).anySatisfy((d) -> assertThat(d).contains("saml:noidp", "unsolicited"));
	}

	@Test
	void anEncryptedAssertionSignsInAndATamperedOrPlainOneIsRefusedAndAudited() {
		encryptingClient();
		Browser browser = new Browser();
		Posted posted = browser.signIn("enc", "user");
		String xml = new String(Base64.getDecoder().decode(posted.samlResponse()), StandardCharsets.UTF_8);
		browser.post("enc", posted);
		Browser tampered = new Browser();
		Posted second = tampered.signIn("enc", "user");
		tampered.post("enc", new Posted(base64(flipCipherText(second.samlResponse())), second.relayState()));
		Posted plain = new Browser().signIn("keycloak", "user");
		Browser unencrypted = new Browser();
		String relay = unencrypted.start("enc");
		unencrypted.post("enc", new Posted(plain.samlResponse(), relay));

		assertThat(xml).contains("EncryptedAssertion").doesNotContain("user@keycloak.test");
		assertThat(browser.landing).isEqualTo("/");
		assertThat(api.get("/api/v1/me", browser.accessToken()).json().get("email").asString())
			.isEqualTo("user@keycloak.test");
		assertThat(tampered.landing).isEqualTo("/signin?sso_error=decryption_failed");
		assertThat(tampered.cookies).doesNotContainKey("__Secure-ferry-refresh");
		assertThat(unencrypted.landing).isEqualTo("/signin?sso_error=unencrypted");
		assertThat(audit("auth.sso_login")).anySatisfy((d) -> assertThat(d).contains("saml:enc", "decryption_failed"))
			.anySatisfy((d) -> assertThat(d).contains("saml:enc", "unencrypted"));
	}

	@Test
	void signingOutOfFerryEndsTheKeycloakSessionAndKeycloaksLogoutEndsFerrys() {
		String slo = sloClient();
		Browser browser = new Browser();
		browser.post("slo", browser.signIn("slo", "user"));
		boolean keycloakSignedInBefore = browser.keycloakPage("slo").contains("SAMLResponse");
		Api.Response signedOut = api
			.send(api.builder("/api/v1/auth/logout", browser.accessToken()).POST(HttpRequest.BodyPublishers.noBody()));
		String logoutUrl = signedOut.json().get("logout_url").asString();
		Api.Response atKeycloak = browser.send(HttpRequest.newBuilder(URI.create(logoutUrl)).GET(), logoutUrl);
		Matcher answer = Browser.SAML_RESPONSE.matcher(atKeycloak.body());
		assertThat(answer.find()).as(atKeycloak.body()).isTrue();
		browser.post("slo", new Posted(answer.group(1), null), "slo");
		String afterLogout = browser.keycloakPage("slo");

		Browser other = new Browser();
		other.post("slo", other.signIn("slo", "guest"));
		int refreshedBefore = refresh(other);
		endKeycloakSessions("guest", "ferry-saml-slo");

		assertThat(keycloakSignedInBefore).isTrue();
		assertThat(signedOut.status()).isEqualTo(200);
		assertThat(logoutUrl).contains("SAMLRequest=", "Signature=");
		assertThat(browser.landing).isEqualTo("/");
		assertThat(afterLogout).doesNotContain("SAMLResponse").contains("kc-form-login");
		assertThat(refreshedBefore).isEqualTo(200);
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(refresh(other)).isEqualTo(401));
		assertThat(audit("auth.saml_logout")).anySatisfy((d) -> assertThat(d).contains("saml:slo", "\"ferry\""))
			.anySatisfy((d) -> assertThat(d).contains("saml:slo", "\"provider\""));
		assertThat(slo).endsWith("/api/v1/auth/saml/slo/slo");
	}

	@Test
	void anUnsignedLogoutRequestIsRefusedAndAudited() {
		String request = """
				<samlp:LogoutRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" \
				xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_forged" Version="2.0" \
				IssueInstant="2026-01-01T00:00:00Z"><saml:Issuer>%s</saml:Issuer>\
				<saml:NameID>user</saml:NameID></samlp:LogoutRequest>""".formatted(KEYCLOAK + "/realms/ferry");

		Api.Response refused = api.send(api.builder("/api/v1/auth/saml/slo/slo", null)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers
				.ofString("SAMLRequest=" + URLEncoder.encode(base64(request), StandardCharsets.UTF_8))));

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(audit("auth.saml_logout")).anySatisfy((d) -> assertThat(d).contains("saml:slo", "unsigned"));
	}

	/**
	 * The refresh endpoint's status for this browser's refresh cookie (which it rotates).
	 */
	int refresh(Browser browser) {
		String url = api.base() + "/api/v1/auth/refresh";
		return browser
			.send(HttpRequest.newBuilder(URI.create(url))
				.header(RefreshCookies.CSRF_HEADER, String.valueOf(browser.cookies.get(RefreshCookies.CSRF)))
				.POST(HttpRequest.BodyPublishers.noBody()), url)
			.status();
	}

	/**
	 * The {@code ferry-saml-slo} client: requires Ferry's requests signed with the
	 * certificate of its metadata, and sends logout requests back-channel to Ferry's
	 * logout endpoint (answers that endpoint).
	 */
	String sloClient() {
		String metadata = api.get("/api/v1/auth/saml/slo/metadata", null).body();
		Matcher certificate = Pattern
			.compile("<md:KeyDescriptor use=\"signing\">\\s*<ds:KeyInfo><ds:X509Data><ds:X509Certificate>([^<]+)<")
			.matcher(metadata);
		Matcher logout = Pattern.compile("SingleLogoutService [^>]*Location=\"([^\"]+)\"").matcher(metadata);
		assertThat(certificate.find()).isTrue();
		assertThat(logout.find()).isTrue();
		ObjectNode client = template();
		client.put("clientId", "ferry-saml-slo").put("frontchannelLogout", false).put("adminUrl", logout.group(1));
		((ObjectNode) client.get("attributes")).put("saml.client.signature", "true")
			.put("saml.signing.certificate", certificate.group(1))
			.put("saml_single_logout_service_url_post", logout.group(1))
			.put("saml_single_logout_service_url_redirect", logout.group(1));
		ensureKeycloakClient(client);
		return logout.group(1);
	}

	/**
	 * Ends, through Keycloak's admin API, each Keycloak session of {@code username} that
	 * {@code clientId} takes part in (Keycloak then logs its clients out back-channel).
	 */
	static void endKeycloakSessions(String username, String clientId) {
		String user = keycloakAdmin("GET", "/users?exact=true&username=" + username).get(0).get("id").asString();
		for (JsonNode session : keycloakAdmin("GET", "/users/" + user + "/sessions")) {
			if (session.get("clients").valueStream().anyMatch((name) -> clientId.equals(name.asString()))) {
				keycloakAdmin("DELETE", "/sessions/" + session.get("id").asString());
			}
		}
	}

	/** A call to the Keycloak admin API of the test realm; its JSON answer (or null). */
	static JsonNode keycloakAdmin(String method, String path) {
		try {
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(KEYCLOAK + "/admin/realms/ferry" + path))
					.header("Authorization", adminBearer())
					.method(method, HttpRequest.BodyPublishers.noBody())
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
			return response.body().isEmpty() ? null : JsonMapper.shared().readTree(response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** A bearer token of the admin account bin/test-services bootstraps. */
	static String adminBearer() throws IOException, InterruptedException {
		HttpResponse<String> token = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(KEYCLOAK + "/realms/master/protocol/openid-connect/token"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(
						"client_id=admin-cli&grant_type=password&username=ferry-kc-admin&password=ferry-kc-admin"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
		return "Bearer " + JsonMapper.shared().readTree(token.body()).get("access_token").asString();
	}

	@Test
	void theOperatorsKeyPairIsPublishedAndDecryptsTheAssertions() {
		String published = metadataCertificate("fixed", "encryption");
		encryptingClient("ferry-saml-fixed", OPERATOR_KEY.certificateText());
		Browser browser = new Browser();
		Posted posted = browser.signIn("fixed", "user");
		String xml = new String(Base64.getDecoder().decode(posted.samlResponse()), StandardCharsets.UTF_8);
		browser.post("fixed", posted);

		assertThat(published).isEqualTo(OPERATOR_KEY.certificateText());
		assertThat(metadataCertificate("fixed", "signing")).isEqualTo(OPERATOR_KEY.certificateText());
		assertThat(metadataCertificate("enc", "encryption")).isNotEqualTo(OPERATOR_KEY.certificateText());
		assertThat(xml).contains("EncryptedAssertion").doesNotContain("user@keycloak.test");
		assertThat(browser.landing).isEqualTo("/");
		assertThat(api.get("/api/v1/me", browser.accessToken()).json().get("email").asString())
			.isEqualTo("user@keycloak.test");
	}

	@Test
	void anAssertionWhoseKeyTravelsWithRsaPkcs1v15IsRefused() {
		ObjectNode client = encryptingClient();
		((ObjectNode) client.get("attributes")).put("saml.encryption.keyAlgorithm",
				"http://www.w3.org/2001/04/xmlenc#rsa-1_5");
		ensureKeycloakClient(client);
		Browser browser = new Browser();
		Posted posted = browser.signIn("enc", "user");
		String xml = new String(Base64.getDecoder().decode(posted.samlResponse()), StandardCharsets.UTF_8);

		browser.post("enc", posted);

		assertThat(xml).contains("xmlenc#rsa-1_5");
		assertThat(browser.landing).isEqualTo("/signin?sso_error=decryption_failed");
	}

	/**
	 * The {@code ferry-saml-enc} client: encrypts its assertions to the certificate
	 * Ferry's metadata publishes (key transport RSA-OAEP, set each time as Keycloak keeps
	 * attributes an update leaves out), signs only the assertion (inside the encryption),
	 * so a change to the cipher text meets the decryption first.
	 */
	ObjectNode encryptingClient() {
		return encryptingClient("ferry-saml-enc", metadataCertificate("enc", "encryption"));
	}

	/**
	 * A Keycloak client like {@link #encryptingClient()} encrypting to
	 * {@code certificate}.
	 */
	ObjectNode encryptingClient(String clientId, String certificate) {
		ObjectNode client = template();
		client.put("clientId", clientId);
		((ObjectNode) client.get("attributes")).put("saml.encrypt", "true")
			.put("saml.server.signature", "false")
			.put("saml.encryption.certificate", certificate)
			.put("saml.encryption.keyAlgorithm", "http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p");
		ensureKeycloakClient(client);
		return client;
	}

	/**
	 * The certificate Ferry's metadata for {@code provider} publishes for {@code use}.
	 */
	String metadataCertificate(String provider, String use) {
		Matcher certificate = Pattern
			.compile("<md:KeyDescriptor use=\"" + use + "\">\\s*<ds:KeyInfo><ds:X509Data><ds:X509Certificate>([^<]+)<")
			.matcher(api.get("/api/v1/auth/saml/" + provider + "/metadata", null).body());
		assertThat(certificate.find()).isTrue();
		return certificate.group(1);
	}

	/**
	 * The response with one character of its longest cipher value (the content) changed.
	 */
	static String flipCipherText(String samlResponse) {
		String xml = new String(Base64.getDecoder().decode(samlResponse), StandardCharsets.UTF_8);
		Matcher values = Pattern.compile("CipherValue>([^<]+)<").matcher(xml);
		int start = -1;
		int length = 0;
		while (values.find()) {
			if (values.group(1).length() > length) {
				start = values.start(1);
				length = values.group(1).length();
			}
		}
		assertThat(start).isNotNegative();
		int at = start + length / 2;
		char flipped = (xml.charAt(at) == 'A') ? 'B' : 'A';
		return xml.substring(0, at) + flipped + xml.substring(at + 1);
	}

	/**
	 * A Keycloak client that posts unasked-for responses to this server's assertion
	 * consumer for {@code provider}, as Ferry's metadata names it (its URL has this run's
	 * port, so it is set each time).
	 */
	void idpInitiatedClient(String clientId, String provider) {
		Matcher consumer = Pattern.compile("AssertionConsumerService [^>]*Location=\"([^\"]+)\"")
			.matcher(api.get("/api/v1/auth/saml/" + provider + "/metadata", null).body());
		assertThat(consumer.find()).isTrue();
		ObjectNode client = template();
		client.put("clientId", clientId);
		((ObjectNode) client.get("attributes")).put("saml_idp_initiated_sso_url_name", clientId)
			.put("saml_assertion_consumer_url_post", consumer.group(1));
		ensureKeycloakClient(client);
	}

	Browser signedIn(String name) {
		Browser browser = new Browser();
		browser.post("keycloak", browser.signIn("keycloak", name));
		assertThat(browser.landing).isEqualTo("/");
		return browser;
	}

	List<String> audit(String action) {
		return jdbc.sql("SELECT details FROM audit_log WHERE action = ? ORDER BY seq DESC")
			.param(action)
			.query(String.class)
			.list();
	}

	/**
	 * The {@code ferry-saml} client (src/test/resources/keycloak/ferry-saml-client.json).
	 */
	static ObjectNode template() {
		try (var in = SamlSignInIntegrationTests.class.getResourceAsStream("/keycloak/ferry-saml-client.json")) {
			return (ObjectNode) JsonMapper.shared().readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Creates or updates a client in the shared realm through Keycloak's admin API: the
	 * realm file stays as it is, so a changed file does not restart the Keycloak other
	 * test runs on this machine share. The admin account is the one bin/test-services
	 * bootstraps.
	 */
	static void ensureKeycloakClient(ObjectNode client) {
		HttpClient http = HttpClient.newHttpClient();
		try {
			String bearer = adminBearer();
			String clients = KEYCLOAK + "/admin/realms/ferry/clients";
			HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(clients))
				.header("Authorization", bearer)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(client.toString()))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(created.statusCode()).as(created.body()).isIn(201, 409);
			if (created.statusCode() == 409) {
				String clientId = URLEncoder.encode(client.get("clientId").asString(), StandardCharsets.UTF_8);
				HttpResponse<String> found = http
					.send(HttpRequest.newBuilder(URI.create(clients + "?clientId=" + clientId))
						.header("Authorization", bearer)
						.build(), HttpResponse.BodyHandlers.ofString());
				String id = JsonMapper.shared().readTree(found.body()).get(0).get("id").asString();
				HttpResponse<String> updated = http.send(HttpRequest.newBuilder(URI.create(clients + "/" + id))
					.header("Authorization", bearer)
					.header("Content-Type", "application/json")
					.PUT(HttpRequest.BodyPublishers.ofString(client.toString()))
					.build(), HttpResponse.BodyHandlers.ofString());
				assertThat(updated.statusCode()).as(updated.body()).isEqualTo(204);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static String descriptorFile() {
		try {
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(DESCRIPTOR)).build(), HttpResponse.BodyHandlers.ofString());
			Path file = Files.createTempFile("ferry-saml-idp", ".xml");
			file.toFile().deleteOnExit();
			return Files.writeString(file, response.body()).toString();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** What Keycloak's auto-posting form would send to Ferry. */
	record Posted(String samlResponse, String relayState) {
	}

	/**
	 * Cookies per host and port, sent back whatever their Secure flag (loopback HTTP).
	 */
	final class Browser {

		static final Pattern SAML_RESPONSE = Pattern.compile("NAME=\"SAMLResponse\"\\s+VALUE=\"([^\"]+)\"",
				Pattern.CASE_INSENSITIVE);

		private static final Pattern RELAY_STATE = Pattern.compile("NAME=\"RelayState\"\\s+VALUE=\"([^\"]*)\"",
				Pattern.CASE_INSENSITIVE);

		final Map<String, String> cookies = new HashMap<>();

		private final Map<String, Map<String, String>> jars = new HashMap<>();

		String landing;

		/** Starts a sign-in at Ferry; answers the RelayState it sent along. */
		String start(String provider) {
			Api.Response toIdp = send(HttpRequest.newBuilder(URI.create(startUrl(provider))).GET(), startUrl(provider));
			assertThat(toIdp.status()).as(toIdp.body()).isEqualTo(302);
			Matcher relay = Pattern.compile("[?&]RelayState=([^&]+)").matcher(toIdp.header("Location"));
			assertThat(relay.find()).isTrue();
			return URLDecoder.decode(relay.group(1), StandardCharsets.UTF_8);
		}

		/**
		 * Starts at Ferry, signs in on Keycloak's login page; answers what Keycloak's
		 * page would post back to Ferry, without posting it.
		 */
		Posted signIn(String provider, String username) {
			Api.Response toKeycloak = send(HttpRequest.newBuilder(URI.create(startUrl(provider))).GET(),
					startUrl(provider));
			assertThat(toKeycloak.status()).as(toKeycloak.body()).isEqualTo(302);
			return login(toKeycloak.header("Location"), username);
		}

		/**
		 * Signs in on the Keycloak login page at {@code loginPage}; as {@link #signIn}.
		 */
		Posted login(String loginPage, String username) {
			Api.Response page = send(HttpRequest.newBuilder(URI.create(loginPage)).GET(), loginPage);
			assertThat(page.status()).as(page.body()).isEqualTo(200);
			String action = KeycloakForm.action(page.body());
			Api.Response posted = send(HttpRequest.newBuilder(URI.create(action))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(KeycloakForm.body(username))), action);
			assertThat(posted.status()).as(posted.body()).isEqualTo(200);
			Matcher response = SAML_RESPONSE.matcher(posted.body());
			Matcher relay = RELAY_STATE.matcher(posted.body());
			assertThat(response.find()).as(posted.body()).isTrue();
			return new Posted(response.group(1), relay.find() ? relay.group(1) : "");
		}

		/** Posts to Ferry's assertion consumer, as Keycloak's page does. */
		void post(String provider, Posted posted) {
			post(provider, posted, "acs");
		}

		/** Posts to Ferry's {@code endpoint} ({@code acs} or {@code slo}). */
		void post(String provider, Posted posted, String endpoint) {
			String acs = api.base() + "/api/v1/auth/saml/" + provider + "/" + endpoint;
			String form = "SAMLResponse=" + URLEncoder.encode(posted.samlResponse(), StandardCharsets.UTF_8)
					+ ((posted.relayState() != null)
							? "&RelayState=" + URLEncoder.encode(posted.relayState(), StandardCharsets.UTF_8) : "");
			Api.Response landed = send(HttpRequest.newBuilder(URI.create(acs))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form)), acs);
			assertThat(landed.status()).as(landed.body()).isEqualTo(302);
			landing = landed.header("Location");
		}

		/**
		 * Starts a sign-in at Ferry and answers Keycloak's page: its login form, or,
		 * while Keycloak's session lasts, the form posting the response back.
		 */
		String keycloakPage(String provider) {
			Api.Response toKeycloak = send(HttpRequest.newBuilder(URI.create(startUrl(provider))).GET(),
					startUrl(provider));
			assertThat(toKeycloak.status()).as(toKeycloak.body()).isEqualTo(302);
			String location = toKeycloak.header("Location");
			Api.Response page = send(HttpRequest.newBuilder(URI.create(location)).GET(), location);
			assertThat(page.status()).as(page.body()).isEqualTo(200);
			return page.body();
		}

		String accessToken() {
			return new OidcIntegrationTests.Flow(cookies, landing).accessToken(api);
		}

		private String startUrl(String provider) {
			return api.base() + "/api/v1/auth/login/saml/" + provider;
		}

		Api.Response send(HttpRequest.Builder request, String url) {
			URI uri = URI.create(url);
			return OidcIntegrationTests.withCookies(api, request, url.startsWith(api.base()) ? cookies
					: jars.computeIfAbsent(uri.getHost() + ":" + uri.getPort(), (origin) -> new HashMap<>()));
		}

	}

	/**
	 * Real time, shifted as a test says: Keycloak stamps its assertions with real time,
	 * so a frozen clock would fall behind them while the tests run.
	 */
	static final class ShiftedClock extends Clock {

		private final AtomicReference<Duration> shift = new AtomicReference<>(Duration.ZERO);

		void shift(Duration by) {
			shift.set(by);
		}

		@Override
		public Instant instant() {
			return Instant.now().plus(shift.get());
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			throw new UnsupportedOperationException("Ferry keeps time in UTC");
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class ClockConfiguration {

		@Bean
		@Primary
		ShiftedClock testClock() {
			return new ShiftedClock();
		}

	}

}
