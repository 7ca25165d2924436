package dev.ferry.web;

import java.net.http.HttpRequest;
import java.util.ArrayList;
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

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code FERRY_TRUSTED_PROXIES}: requests reach a real server from several loopback
 * source addresses through the real curl, one of which (127.0.0.3) is a trusted proxy.
 * What the server made of the client address is read back where it is used: the audit
 * trail, the session list, the sign-in rate limit, HSTS and share links
 * (X-Forwarded-Proto).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ClientAddressIntegrationTests {

	private static final String UNTRUSTED = "127.0.0.2";

	private static final String PROXY = "127.0.0.3";

	@LocalServerPort
	int port;

	Api api;

	@DynamicPropertySource
	static void trustedProxies(DynamicPropertyRegistry registry) {
		OwnServer.register(registry, "proxies");
		registry.add("ferry.http.trusted-proxies", () -> PROXY + ", 10.0.0.0/8, 2001:db8:ff::/48");
		registry.add("ferry.auth.login-attempts", () -> "3");
		// On Kubernetes Spring Boot would trust X-Forwarded-For from every private and
		// loopback address by itself; Ferry must not let it.
		registry.add("spring.main.cloud-platform", () -> "kubernetes");
	}

	@BeforeEach
	void connectClient() {
		api = new Api("http://127.0.0.1:" + port);
	}

	@Test
	void aSpoofedForwardedForFromAnUntrustedPeerChangesNothing() {
		SignIn signIn = signIn(UNTRUSTED, "X-Forwarded-For: 203.0.113.66", "Forwarded: for=203.0.113.67;proto=https",
				"X-Forwarded-Proto: https");

		assertThat(signIn.response().header("Strict-Transport-Security")).as("HSTS only over HTTPS").isNull();
		assertThat(sessionIp(signIn.token())).isEqualTo(UNTRUSTED);
		assertThat(auditIp(signIn.requestId())).isEqualTo(UNTRUSTED);
	}

	@Test
	void aTrustedProxyIsBelievedUpToTheRightmostUntrustedHop() {
		SignIn signIn = signIn(PROXY, "X-Forwarded-For: 198.51.100.1, 203.0.113.7, 10.1.2.3",
				"X-Forwarded-Proto: https");

		assertThat(signIn.response().header("Strict-Transport-Security")).startsWith("max-age=31536000");
		assertThat(sessionIp(signIn.token())).as("198.51.100.1 was written by the client itself")
			.isEqualTo("203.0.113.7");
		assertThat(auditIp(signIn.requestId())).isEqualTo("203.0.113.7");
	}

	@Test
	void aForwardedHeaderTheClientSentThroughTheProxyIsIgnored() {
		SignIn signIn = signIn(PROXY, "Forwarded: for=203.0.113.67;proto=https",
				"X-Forwarded-For: 203.0.113.67, 198.51.100.5");

		assertThat(signIn.response().header("Strict-Transport-Security")).isNull();
		assertThat(sessionIp(signIn.token())).isEqualTo("198.51.100.5");
		assertThat(auditIp(signIn.requestId())).isEqualTo("198.51.100.5");
	}

	@Test
	void aTrustedProxyWithoutForwardingHeadersIsTheClient() {
		SignIn signIn = signIn(PROXY);

		assertThat(signIn.response().header("Strict-Transport-Security")).isNull();
		assertThat(sessionIp(signIn.token())).isEqualTo(PROXY);
	}

	@Test
	void aHopThatIsNoAddressStopsAtTheLastKnownAddress() {
		SignIn signIn = signIn(PROXY, "X-Forwarded-For: 203.0.113.9, unknown, 10.0.0.8");

		assertThat(sessionIp(signIn.token())).isEqualTo("10.0.0.8");
	}

	@Test
	void signInAttemptsAreLimitedPerResolvedClientWhateverTheSpoofedHeaderSays() {
		String email = "nobody-" + UUID.randomUUID() + "@ferry.test";
		List<Integer> spoofing = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			spoofing.add(failedSignIn(UNTRUSTED, email, "X-Forwarded-For: 203.0.113." + (100 + i)).status());
		}
		assertThat(spoofing).containsExactly(401, 401, 401, 429);

		List<Integer> behindProxy = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			behindProxy.add(failedSignIn(PROXY, email, "X-Forwarded-For: 203.0.113.200").status());
		}
		assertThat(behindProxy).as("one client behind the proxy").containsExactly(401, 401, 401, 429);
		assertThat(failedSignIn(PROXY, email, "X-Forwarded-For: 203.0.113.201").status())
			.as("another client behind the same proxy")
			.isEqualTo(401);
	}

	@Test
	void shareLinksFollowTheSchemeOnlyATrustedProxyReports() {
		String admin = api.login(IntegrationTest.ADMIN_EMAIL, IntegrationTest.ADMIN_PASSWORD);
		Api.Response file = api.send(api.builder("/api/v1/files/content?path=/proxy-" + UUID.randomUUID(), admin)
			.PUT(HttpRequest.BodyPublishers.ofString("shared through a proxy")));
		assertThat(file.status()).as(file.body()).isEqualTo(201);
		Api.Response transfer = api.post("/api/v1/transfers",
				Map.of("title", "Proxy", "file_ids", List.of(file.json().get("id").asString())), admin);
		assertThat(transfer.status()).as(transfer.body()).isEqualTo(201);
		String share = api.base() + "/api/v1/transfers/" + transfer.json().get("id").asString() + "/share";

		assertThat(shareUrl(PROXY, share, admin)).startsWith("https://files.example.com/s/");
		assertThat(shareUrl(UNTRUSTED, share, admin)).startsWith("http://files.example.com/s/");
	}

	private static String shareUrl(String source, String share, String token) {
		Api.Response link = Curl.request("--interface", source, "-H", "Authorization: Bearer " + token, "-H",
				"Content-Type: application/json", "-H", "Host: files.example.com", "-H", "X-Forwarded-Proto: https",
				"-d", "{}", share);
		assertThat(link.status()).as(link.body()).isEqualTo(201);
		return link.json().get("url").asString();
	}

	private SignIn signIn(String source, String... headers) {
		String requestId = "proxy-test-" + UUID.randomUUID();
		Api.Response response = login(source, IntegrationTest.ADMIN_EMAIL, IntegrationTest.ADMIN_PASSWORD, requestId,
				headers);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return new SignIn(response, response.json().get("access_token").asString(), requestId);
	}

	private Api.Response failedSignIn(String source, String email, String... headers) {
		return login(source, email, "wrong-password-for-this-test", "proxy-test-" + UUID.randomUUID(), headers);
	}

	private Api.Response login(String source, String email, String password, String requestId, String... headers) {
		List<String> args = new ArrayList<>(List.of("--interface", source, "-H", "Content-Type: application/json", "-H",
				"X-Request-Id: " + requestId));
		for (String header : headers) {
			args.addAll(List.of("-H", header));
		}
		args.addAll(List.of("-d", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}",
				api.base() + "/api/v1/auth/login"));
		return Curl.request(args.toArray(String[]::new));
	}

	private String sessionIp(String token) {
		Api.Response sessions = api.get("/api/v1/auth/sessions", token);
		assertThat(sessions.status()).isEqualTo(200);
		for (JsonNode session : sessions.json().get("items")) {
			if (session.get("current").asBoolean()) {
				return session.get("ip").asString();
			}
		}
		throw new AssertionError("no current session in " + sessions.body());
	}

	private String auditIp(String requestId) {
		String admin = api.login(IntegrationTest.ADMIN_EMAIL, IntegrationTest.ADMIN_PASSWORD);
		Api.Response page = api.get("/api/v1/admin/audit-logs?action=auth.login&limit=500", admin);
		assertThat(page.status()).isEqualTo(200);
		for (JsonNode item : page.json().get("items")) {
			if (requestId.equals(item.get("request_id").asString(null))) {
				return item.get("ip").asString();
			}
		}
		throw new AssertionError("no auth.login record of request " + requestId);
	}

	private record SignIn(Api.Response response, String token, String requestId) {
	}

}
