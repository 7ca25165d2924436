package dev.ferry.protect;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import dev.ferry.FerryApplication;
import dev.ferry.testing.Api;
import dev.ferry.testing.Curl;
import dev.ferry.testing.IntegrationTest;
import dev.ferry.testing.MutableClock;
import dev.ferry.testing.OwnServer;
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
import static org.awaitility.Awaitility.await;

/**
 * Access rules, the defender and alerts through the real API of a real server, with
 * requests from several loopback source addresses (127.0.0.3 is a trusted proxy, through
 * which the MaxMind test database's addresses arrive). 127.0.0.1 (the admin's client) is
 * the only network exempt from the defender here. Bans expire by moving the server's
 * clock, never by waiting.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		classes = { FerryApplication.class, ProtectionIntegrationTests.ClockConfiguration.class })
class ProtectionIntegrationTests {

	private static final String PROXY = "127.0.0.3";

	private static final int THRESHOLD = 5;

	/** Real SMTP: administrators get every alert by mail. */
	private static final GreenMail MAIL = OwnServer.startMail();

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	Api api;

	private String adminToken;

	@DynamicPropertySource
	static void protection(DynamicPropertyRegistry registry) {
		OwnServer.register(registry, "protect");
		registry.add("ferry.http.trusted-proxies", () -> PROXY);
		registry.add("ferry.geoip.db", ProtectionIntegrationTests::geoIpDatabase);
		registry.add("ferry.defender.threshold", () -> THRESHOLD);
		registry.add("ferry.defender.exempt", () -> "127.0.0.1/32");
		registry.add("ferry.defender.link-addresses", () -> 3);
		registry.add("ferry.auth.login-attempts-per-ip", () -> 1000);
		registry.add("ferry.defender.account-addresses", () -> 3);
		registry.add("ferry.defender.mass-deletion", () -> 3);
		OwnServer.registerMail(registry, MAIL);
	}

	@BeforeEach
	void connectClient() {
		api = new Api("http://127.0.0.1:" + port);
	}

	@Test
	void aShareLinkWithAnAllowListAdmitsOnlyItsNetworks() {
		String token = link(Map.of("allowed_ips", List.of("127.0.0.2/32", "2001:db8::/32"))).get("token").asString();

		assertThat(api.from("127.0.0.2").get("/api/v1/share/" + token, null).status()).isEqualTo(200);
		Api.Response refused = api.from("127.0.0.4").get("/api/v1/share/" + token, null);

		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.contentType()).isEqualTo("application/problem+json");
		assertThat(refused.json().get("type").asString()).endsWith("/ip-not-allowed");
		assertThat(refused.json().get("detail").asString()).contains("127.0.0.4").contains("ask its owner");
		assertThat(audited("share.view", "denied")).anyMatch((details) -> details.contains("ip_not_allowed"));
	}

	@Test
	void anUploadRequestWithRulesAdmitsOnlyThoseItAllows() {
		Api.Response created = api.post("/api/v1/upload-requests",
				Map.of("title", "Inbox " + UUID.randomUUID(), "max_files", 2, "max_total_bytes", 1000, "allowed_ips",
						List.of("127.0.0.2"), "denied_countries", List.of("CN")),
				admin());
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.json().get("allowed_ips").get(0).asString()).isEqualTo("127.0.0.2/32");
		String page = "/api/v1/upload-requests/public/" + created.json().get("token").asString();

		assertThat(api.from("127.0.0.2").get(page, null).status()).isEqualTo(200);
		Api.Response refused = api.from("127.0.0.4").post(page + "/session", Map.of(), null);
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.json().get("type").asString()).endsWith("/ip-not-allowed");
		assertThat(audited("upload_request.unlock", "denied")).anyMatch((d) -> d.contains("ip_not_allowed"));
	}

	@Test
	void theRulesOfAnExistingLinkAndUploadRequestAreChangedWithPatch() {
		String transfer = transfer();
		JsonNode link = api.post("/api/v1/transfers/" + transfer + "/share", Map.of(), admin()).json();
		String share = "/api/v1/share/" + link.get("token").asString();
		String path = "/api/v1/transfers/" + transfer + "/shares/" + link.get("id").asString();
		assertThat(api.from("127.0.0.40").get(share, null).status()).isEqualTo(200);

		Api.Response narrowed = api.patch(path, Map.of("allowed_ips", List.of("127.0.0.41")), admin());
		assertThat(narrowed.status()).as(narrowed.body()).isEqualTo(200);
		assertThat(narrowed.json().get("allowed_ips").get(0).asString()).isEqualTo("127.0.0.41/32");
		assertThat(api.from("127.0.0.40").get(share, null).json().get("type").asString()).endsWith("/ip-not-allowed");
		assertThat(api.from("127.0.0.41").get(share, null).status()).isEqualTo(200);

		Api.Response countries = api.patch(path, Map.of("allowed_ips", List.of(), "denied_countries", List.of("SE")),
				admin());
		assertThat(countries.status()).as(countries.body()).isEqualTo(200);
		assertThat(api.from("127.0.0.40").get(share, null).status()).as("the allow-list was cleared").isEqualTo(200);
		assertThat(throughProxy("89.160.20.115", share).json().get("type").asString()).endsWith("/country-not-allowed");
		assertThat(api.patch(path, Map.of("allowed_ips", List.of("10.0.0.0/33")), admin()).status()).isEqualTo(400);
		assertThat(api.patch(path, Map.of(), admin()).status()).isEqualTo(400);
		assertThat(api.patch(path, Map.of("allowed_ips", List.of()), api.login(newUser(), PASSWORD)).status())
			.as("another user's link")
			.isEqualTo(404);
		assertThat(audited("share.updated", "success")).anyMatch((d) -> d.contains("SE"));

		Api.Response request = api.post("/api/v1/upload-requests",
				Map.of("title", "Inbox " + UUID.randomUUID(), "max_files", 1, "max_total_bytes", 100), admin());
		String page = "/api/v1/upload-requests/public/" + request.json().get("token").asString();
		assertThat(api.from("127.0.0.42").get(page, null).status()).isEqualTo(200);
		Api.Response changed = api.patch("/api/v1/upload-requests/" + request.json().get("id").asString(),
				Map.of("allowed_ips", List.of("127.0.0.43/32")), admin());
		assertThat(changed.status()).as(changed.body()).isEqualTo(200);
		assertThat(changed.json().get("allowed_ips").get(0).asString()).isEqualTo("127.0.0.43/32");
		assertThat(api.from("127.0.0.42").get(page, null).json().get("type").asString()).endsWith("/ip-not-allowed");
		assertThat(api.from("127.0.0.43").get(page, null).status()).isEqualTo(200);
		assertThat(audited("upload_request.updated", "success")).isNotEmpty();
	}

	/**
	 * Rules narrowed while a visitor uploads apply to the upload's next request: the
	 * session and the upload were begun where the request allowed them.
	 */
	@Test
	void narrowedRulesStopAnUploadBegunUnderTheOldOnes() {
		Api.Response request = api.post("/api/v1/upload-requests",
				Map.of("title", "Inbox " + UUID.randomUUID(), "max_files", 1, "max_total_bytes", 1000), admin());
		String page = "/api/v1/upload-requests/public/" + request.json().get("token").asString();
		Api visitor = api.from("127.0.0.44");
		String session = visitor.post(page + "/session", Map.of(), null).json().get("session_token").asString();
		Api.Response started = visitor.send(visitor.builder("/api/v1/uploads", null)
			.header("Tus-Resumable", "1.0.0")
			.header("X-Upload-Request", session)
			.header("Upload-Length", "10")
			.header("Upload-Metadata", "filename " + Base64.getEncoder().encodeToString("late.txt".getBytes()))
			.POST(HttpRequest.BodyPublishers.noBody()));
		assertThat(started.status()).as(started.body()).isEqualTo(201);
		String upload = URI.create(started.header("Location")).getPath();

		assertThat(api
			.patch("/api/v1/upload-requests/" + request.json().get("id").asString(),
					Map.of("allowed_ips", List.of("127.0.0.45/32")), admin())
			.status()).isEqualTo(200);
		Api.Response patch = visitor.send(visitor.builder(upload, null)
			.header("Tus-Resumable", "1.0.0")
			.header("X-Upload-Request", session)
			.header("Upload-Offset", "0")
			.header("Content-Type", "application/offset+octet-stream")
			.method("PATCH", HttpRequest.BodyPublishers.ofString("0123456789")));

		assertThat(patch.status()).as(patch.body()).isEqualTo(403);
		assertThat(patch.json().get("type").asString()).endsWith("/ip-not-allowed");
		assertThat(audited("upload_request.upload", "denied")).anyMatch((d) -> d.contains("ip_not_allowed"));
	}

	@Test
	void aFileWithAnAllowListIsServedOnlyToItsNetworksWhoeverAsks() {
		String token = api.login(newUser(), PASSWORD);
		Api.Response file = api.send(api.builder("/api/v1/files/content?path=/guarded-" + UUID.randomUUID(), token)
			.PUT(HttpRequest.BodyPublishers.ofString("guarded bytes")));
		String id = file.json().get("id").asString();
		String download = "/api/v1/files/" + id + "/download";

		Api.Response restricted = api.patch("/api/v1/files/" + id, Map.of("allowed_ips", List.of("127.0.0.44")), token);
		assertThat(restricted.status()).as(restricted.body()).isEqualTo(200);
		assertThat(restricted.json().get("allowed_ips").get(0).asString()).isEqualTo("127.0.0.44/32");
		assertThat(api.from("127.0.0.44").get(download, token).body()).isEqualTo("guarded bytes");
		Api.Response refused = api.from("127.0.0.45").get(download, token);
		assertThat(refused.status()).as("the owner too").isEqualTo(403);
		assertThat(refused.json().get("type").asString()).endsWith("/ip-not-allowed");
		Api.Response transfer = api.post("/api/v1/transfers", Map.of("title", "Guarded", "file_ids", List.of(id)),
				token);
		String link = api.post("/api/v1/transfers/" + transfer.json().get("id").asString() + "/share", Map.of(), token)
			.json()
			.get("token")
			.asString();
		assertThat(api.from("127.0.0.45").get("/api/v1/share/" + link + "/files/" + id + "/download", null).status())
			.as("a link's visitor")
			.isEqualTo(403);
		assertThat(audited("file.download", "denied")).anyMatch((d) -> d.contains("ip_not_allowed"));
		assertThat(api.patch("/api/v1/files/" + id, Map.of("allowed_ips", List.of("nowhere")), token).status())
			.isEqualTo(400);
		assertThat(api.patch("/api/v1/files/" + id, Map.of("allowed_ips", List.of(), "name", "a/b"), token).status())
			.as("a refused rename")
			.isEqualTo(400);
		assertThat(api.from("127.0.0.45").get(download, token).status()).as("leaves the networks as they were")
			.isEqualTo(403);

		assertThat(api.patch("/api/v1/files/" + id, Map.of("allowed_ips", List.of()), token).status()).isEqualTo(200);
		assertThat(api.from("127.0.0.45").get(download, token).status()).isEqualTo(200);
		assertThat(audited("file.restricted", "success")).isNotEmpty();
	}

	@Test
	void theLinkShowsItsRulesToItsOwner() {
		JsonNode link = link(Map.of("allowed_ips", List.of("192.0.2.77/24"), "denied_countries", List.of("se")));

		assertThat(link.get("allowed_ips").get(0).asString()).as("normalised").isEqualTo("192.0.2.0/24");
		assertThat(link.get("denied_countries").get(0).asString()).isEqualTo("SE");
	}

	@Test
	void badRulesAreRefusedWithADetailTheOwnerCanActOn() {
		String transfer = transfer();
		Api.Response network = api.post("/api/v1/transfers/" + transfer + "/share",
				Map.of("allowed_ips", List.of("10.0.0.0/33")), admin());
		Api.Response country = api.post("/api/v1/transfers/" + transfer + "/share",
				Map.of("allowed_countries", List.of("Germany")), admin());

		assertThat(network.status()).isEqualTo(400);
		assertThat(network.json().get("detail").asString()).contains("10.0.0.0/33").contains("CIDR");
		assertThat(country.status()).isEqualTo(400);
		assertThat(country.json().get("detail").asString()).contains("ISO 3166");
	}

	@Test
	void countryRulesFollowTheMaxMindDatabaseBehindATrustedProxy() {
		String denied = link(Map.of("denied_countries", List.of("SE"))).get("token").asString();
		String allowed = link(Map.of("allowed_countries", List.of("US", "GB"))).get("token").asString();

		Api.Response sweden = throughProxy("89.160.20.115", "/api/v1/share/" + denied);
		assertThat(sweden.status()).isEqualTo(403);
		assertThat(sweden.json().get("type").asString()).endsWith("/country-not-allowed");
		assertThat(sweden.json().get("detail").asString()).contains("SE");
		assertThat(throughProxy("81.2.69.142", "/api/v1/share/" + denied).status()).as("GB").isEqualTo(200);

		assertThat(throughProxy("216.160.83.57", "/api/v1/share/" + allowed).status()).as("US").isEqualTo(200);
		assertThat(throughProxy("2001:218::1", "/api/v1/share/" + allowed).status()).as("JP").isEqualTo(403);
		assertThat(throughProxy("198.51.100.7", "/api/v1/share/" + allowed).status())
			.as("unknown country, FERRY_GEOIP_UNKNOWN=allow")
			.isEqualTo(200);
		assertThat(throughProxy("81.2.69.143", "/api/v1/share/" + allowed).status()).as("GB").isEqualTo(200);

		assertThat(alerts()).anyMatch((alert) -> alert.get("kind").asString().equals("new_country")
				&& alert.get("detail").asString().contains("GB"));
	}

	@Test
	void aLinkOpenedFromManyAddressesRaisesAnAlert() {
		JsonNode link = link(Map.of());
		for (String address : List.of("127.0.0.20", "127.0.0.21", "127.0.0.22")) {
			assertThat(api.from(address).get("/api/v1/share/" + link.get("token").asString(), null).status())
				.isEqualTo(200);
		}

		assertThat(alerts()).anyMatch((alert) -> alert.get("kind").asString().equals("link_many_addresses")
				&& alert.get("subject").asString().contains(link.get("id").asString()));
	}

	@Test
	void oneAccountFailingFromManyAddressesRaisesAnAlertMailedToTheAdministrators() {
		String email = newUser();
		for (String address : List.of("127.0.0.30", "127.0.0.31", "127.0.0.32")) {
			assertThat(login(api.from(address), email, "wrong-" + address).status()).isEqualTo(401);
		}

		JsonNode alert = awaitAlert("account_many_addresses", email);
		assertThat(alert.get("title").asString()).isEqualTo("Account failing from many addresses");
		assertThat(alert.get("subject").asString()).startsWith("user:");
		await().atMost(Duration.ofSeconds(20))
			.until(() -> mailTo(IntegrationTest.ADMIN_EMAIL, "Ferry alert: Account failing from many addresses")
				.filter((mail) -> mail.contains(email))
				.isPresent());
		assertThat(audited("alert.raised", "success")).anyMatch((d) -> d.contains("account_many_addresses"));
	}

	@Test
	void deletingManyFilesRaisesAnAlert() {
		String email = newUser();
		String token = api.login(email, PASSWORD);
		for (int i = 0; i < 3; i++) {
			Api.Response file = api.send(api.builder("/api/v1/files/content?path=/doomed-" + i, token)
				.PUT(HttpRequest.BodyPublishers.ofString("doomed " + i)));
			assertThat(file.status()).as(file.body()).isEqualTo(201);
			assertThat(api.delete("/api/v1/files/" + file.json().get("id").asString(), token).status()).isEqualTo(204);
		}

		assertThat(awaitAlert("mass_deletion", email).get("detail").asString()).contains("deleted 3 files");
	}

	@Test
	void anAccountDownloadingFromANewCountryRaisesAnAlert() {
		String email = newUser();
		String token = api.login(email, PASSWORD);
		Api.Response file = api.send(api.builder("/api/v1/files/content?path=/travels", token)
			.PUT(HttpRequest.BodyPublishers.ofString("postcards")));
		String download = api.base() + "/api/v1/files/" + file.json().get("id").asString() + "/download";
		for (String client : List.of("81.2.69.142", "81.2.69.143", "89.160.20.115")) {
			Api.Response got = Curl.request("--interface", PROXY, "-H", "X-Forwarded-For: " + client, "-H",
					"Authorization: Bearer " + token, download);
			assertThat(got.status()).as(got.body()).isEqualTo(200);
		}

		JsonNode alert = awaitAlert("new_country", email);
		assertThat(alert.get("detail").asString()).contains("SE").doesNotContain("GB (");
		assertThat(alert.get("title").asString()).isEqualTo("Used from a new country");
	}

	@Test
	void aBruteForceLoopEndsBannedEvenForTheRightPasswordAndTheBanExpires() {
		String email = newUser();
		Api attacker = api.from("127.0.0.5");
		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < 20 && !statuses.contains(403); i++) {
			statuses.add(login(attacker, email, "guess-" + i).status());
		}
		assertThat(statuses).as("hydra-style: wrong passwords until refused").endsWith(403).hasSizeLessThan(20);

		Api.Response right = login(attacker, email, PASSWORD);
		assertThat(right.status()).isEqualTo(403);
		assertThat(right.json().get("type").asString()).endsWith("/address-banned");
		assertThat(right.json().get("detail").asString()).contains("127.0.0.5").contains("try again in");
		assertThat(right.header("X-Content-Type-Options")).as("the early refusal has the security headers too")
			.isEqualTo("nosniff");
		assertThat(right.header("Cache-Control")).contains("no-store");
		assertThat(login(api.from("127.0.0.15"), email, PASSWORD).status()).as("another address").isEqualTo(200);
		JsonNode ban = ban("127.0.0.5");
		assertThat(ban.get("reason").asString()).isEqualTo("failed_credentials");
		assertThat(ban.get("strikes").asInt()).isEqualTo(1);
		JsonNode banned = alerts().stream()
			.filter((alert) -> alert.get("kind").asString().equals("address_banned")
					&& alert.get("subject").asString().equals("127.0.0.5"))
			.findFirst()
			.orElseThrow();
		assertThat(banned.get("title").asString()).isEqualTo("Address banned");
		assertThat(banned.get("detail").asString()).as("in words, not the reason's slug")
			.contains("after wrong passwords, codes or tokens")
			.doesNotContain("failed_credentials");

		clock.advance(Duration.ofMinutes(16));
		adminToken = null;
		assertThat(login(attacker, email, PASSWORD).status()).as("the ban expired").isEqualTo(200);

		for (int i = 0; i <= THRESHOLD; i++) {
			login(attacker, email, "again-" + i);
		}
		assertThat(login(attacker, email, PASSWORD).status()).isEqualTo(403);
		JsonNode second = ban("127.0.0.5");
		assertThat(second.get("strikes").asInt()).isEqualTo(2);
		assertThat(Duration.between(Instant.parse(second.get("banned_at").asString()),
				Instant.parse(second.get("until").asString())))
			.as("a repeat ban lasts twice as long")
			.isEqualTo(Duration.ofMinutes(30));
	}

	@Test
	void probingUnknownLinksIsBannedAndAnAdministratorLiftsTheBan() {
		Api prober = api.from("127.0.0.6");
		for (int i = 0; i <= THRESHOLD; i++) {
			assertThat(prober.get("/api/v1/share/" + "x".repeat(42) + i, null).status()).isEqualTo(404);
		}
		assertThat(prober.get("/api/v1/share/" + "y".repeat(43), null).status()).isEqualTo(403);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM defender_bans WHERE address = '127.0.0.6'")
			.query(Integer.class)
			.single()).as("kept in the database, so it survives a restart").isEqualTo(1);

		assertThat(api.delete("/api/v1/admin/bans/127.0.0.6", admin()).status()).isEqualTo(204);
		assertThat(prober.get("/api/v1/share/" + "y".repeat(43), null).status()).isEqualTo(404);
		assertThat(api.delete("/api/v1/admin/bans/127.0.0.6", admin()).status()).isEqualTo(404);
		assertThat(audited("defender.lifted", "success")).isNotEmpty();
	}

	/**
	 * An IPv6 client is banned as its /64, listed as {@code 2001:db8:…::/64}; a path may
	 * not carry the encoded slash, so the UI lifts it by the prefix without its length,
	 * an address inside the network.
	 */
	@Test
	void anIpv6BanIsLiftedByAnAddressInsideItsNetwork() {
		long now = Instant.now().toEpochMilli();
		jdbc.sql("INSERT INTO defender_bans (address, reason, strikes, banned_at, banned_until) VALUES (?, ?, ?, ?, ?)")
			.params("2001:db8:5:6::/64", "probing", 1, now, now + 600_000)
			.update();

		assertThat(api.delete("/api/v1/admin/bans/2001%3Adb8%3A5%3A6%3A%3A", admin()).status()).isEqualTo(204);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM defender_bans WHERE address = '2001:db8:5:6::/64'")
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void permanentAddressRulesDenyOrExemptANetwork() {
		Api.Response deny = api.post("/api/v1/admin/address-rules",
				Map.of("network", "127.0.0.7", "kind", "deny", "note", "test"), admin());
		Api.Response allow = api.post("/api/v1/admin/address-rules", Map.of("network", "127.0.0.8/32", "kind", "allow"),
				admin());
		assertThat(deny.status()).as(deny.body()).isEqualTo(201);
		assertThat(allow.status()).as(allow.body()).isEqualTo(201);
		assertThat(api.post("/api/v1/admin/address-rules", Map.of("network", "127.0.0.7/32", "kind", "deny"), admin())
			.status()).isEqualTo(409);
		assertThat(
				api.post("/api/v1/admin/address-rules", Map.of("network", "nowhere", "kind", "deny"), admin()).status())
			.isEqualTo(400);

		Api.Response refused = api.from("127.0.0.7").get("/health", null);
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.json().get("type").asString()).endsWith("/address-banned");
		for (int i = 0; i <= THRESHOLD * 2; i++) {
			assertThat(api.from("127.0.0.8").get("/api/v1/share/" + "z".repeat(43), null).status()).isEqualTo(404);
		}

		api.delete("/api/v1/admin/address-rules/" + deny.json().get("id").asString(), admin());
		assertThat(api.from("127.0.0.7").get("/health", null).status()).isEqualTo(200);
		assertThat(api.get("/api/v1/admin/address-rules", admin()).json().get("items").toString())
			.contains("127.0.0.8/32")
			.doesNotContain("127.0.0.7/32");
	}

	@Test
	void theAlertStreamDeliversABanLiveAndAlertsAreAcknowledged() throws Exception {
		HttpClient client = HttpClient.newHttpClient();
		HttpRequest request = HttpRequest.newBuilder(new URI(api.base() + "/api/v1/admin/alerts/stream"))
			.header("Authorization", "Bearer " + admin())
			.header("Accept", "text/event-stream")
			.build();
		HttpResponse<InputStream> stream = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
		assertThat(stream.statusCode()).isEqualTo(200);
		assertThat(stream.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/event-stream");
		try (BufferedReader events = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
			assertThat(nextEvent(events).name()).isEqualTo("ready");
			for (int i = 0; i <= THRESHOLD; i++) {
				api.from("127.0.0.9").get("/api/v1/share/" + "w".repeat(43), null);
			}
			Event event = nextEvent(events);
			assertThat(event.name()).isEqualTo("alert");
			assertThat(event.data()).contains("\"kind\":\"address_banned\"").contains("127.0.0.9");

			String id = event.id();
			Api.Response acknowledged = api.post("/api/v1/admin/alerts/" + id + "/ack", Map.of(), admin());
			assertThat(acknowledged.status()).as(acknowledged.body()).isEqualTo(200);
			assertThat(acknowledged.json().get("acknowledged_at").isNull()).isFalse();
			assertThat(api.get("/api/v1/admin/alerts?open=true&limit=200", admin()).body()).doesNotContain(id);
		}
	}

	/**
	 * An administrator suspended while their feed is open gets no more alerts (they carry
	 * addresses and emails): the feed ends at the next alert instead.
	 */
	@Test
	void anAdministratorSuspendedWhileWatchingGetsNoMoreAlerts() throws Exception {
		String email = "protect-admin-" + UUID.randomUUID() + "@ferry.test";
		Api.Response created = api.post("/api/v1/admin/users",
				Map.of("email", email, "password", PASSWORD, "role", "admin"), admin());
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		HttpRequest request = HttpRequest.newBuilder(new URI(api.base() + "/api/v1/admin/alerts/stream"))
			.header("Authorization", "Bearer " + api.login(email, PASSWORD))
			.header("Accept", "text/event-stream")
			.build();
		HttpResponse<InputStream> stream = HttpClient.newHttpClient()
			.send(request, HttpResponse.BodyHandlers.ofInputStream());
		try (BufferedReader events = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
			assertThat(nextEvent(events).name()).isEqualTo("ready");
			Api.Response suspended = api.post("/api/v1/admin/users/" + created.json().get("id").asString() + "/suspend",
					Map.of(), admin());
			assertThat(suspended.status()).as(suspended.body()).isEqualTo(200);
			for (int i = 0; i <= THRESHOLD; i++) {
				api.from("127.0.0.71").get("/api/v1/share/" + "v".repeat(43), null);
			}

			List<String> rest = new ArrayList<>();
			for (String line = events.readLine(); line != null
					&& !line.startsWith("event:alert"); line = events.readLine()) {
				rest.add(line);
			}
			assertThat(rest).as("the feed ended without the alert").noneMatch((line) -> line.contains("127.0.0.71"));
			assertThat(events.readLine()).as("the feed ended").isNull();
		}
	}

	@Test
	void onlyAdministratorsSeeBansAndAlerts() {
		String user = api.login(newUser(), PASSWORD);
		assertThat(api.get("/api/v1/admin/bans", user).status()).isEqualTo(403);
		assertThat(api.get("/api/v1/admin/alerts", user).status()).isEqualTo(403);
		assertThat(api.get("/api/v1/admin/alerts/stream", user).status()).isEqualTo(403);
		assertThat(api.get("/api/v1/admin/address-rules", user).status()).isEqualTo(403);
	}

	private static final String PASSWORD = "protection-passphrase-Zr8";

	private JsonNode ban(String address) {
		Api.Response bans = api.get("/api/v1/admin/bans", admin());
		assertThat(bans.status()).isEqualTo(200);
		for (JsonNode ban : bans.json().get("items")) {
			if (ban.get("address").asString().equals(address)) {
				return ban;
			}
		}
		throw new AssertionError("no ban of " + address + " in " + bans.body());
	}

	private List<JsonNode> alerts() {
		Api.Response response = api.get("/api/v1/admin/alerts?limit=200", admin());
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		List<JsonNode> alerts = new ArrayList<>();
		response.json().get("items").forEach(alerts::add);
		return alerts;
	}

	/** The alert of {@code kind} whose detail names {@code about}, once raised. */
	private JsonNode awaitAlert(String kind, String about) {
		return await().atMost(Duration.ofSeconds(20))
			.until(() -> alerts().stream()
				.filter((alert) -> alert.get("kind").asString().equals(kind)
						&& alert.get("detail").asString().contains(about))
				.findFirst(), Optional::isPresent)
			.orElseThrow();
	}

	private static Optional<String> mailTo(String address, String subject) {
		return Arrays.stream(MAIL.getReceivedMessages())
			.map(GreenMailUtil::getWholeMessage)
			.filter((mail) -> mail.contains("To: " + address) && mail.contains("Subject: " + subject))
			.findFirst();
	}

	private List<String> audited(String action, String outcome) {
		return jdbc.sql("SELECT details FROM audit_log WHERE action = ? AND outcome = ? ORDER BY seq DESC")
			.params(action, outcome)
			.query(String.class)
			.list();
	}

	private Api.Response throughProxy(String client, String path) {
		return Curl.request("--interface", PROXY, "-H", "X-Forwarded-For: " + client, api.base() + path);
	}

	private static Api.Response login(Api from, String email, String password) {
		return from.post("/api/v1/auth/login", Map.of("email", email, "password", password), null);
	}

	/** The admin's access token, signed in once per test (hashing is slow). */
	private String admin() {
		if (adminToken == null) {
			adminToken = api.login(IntegrationTest.ADMIN_EMAIL, IntegrationTest.ADMIN_PASSWORD);
		}
		return adminToken;
	}

	private String newUser() {
		String email = "protect-" + UUID.randomUUID() + "@ferry.test";
		Api.Response created = api.post("/api/v1/admin/users",
				Map.of("email", email, "password", PASSWORD, "role", "user"), admin());
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return email;
	}

	private String transfer() {
		String admin = admin();
		Api.Response file = api.send(api.builder("/api/v1/files/content?path=/protect-" + UUID.randomUUID(), admin)
			.PUT(HttpRequest.BodyPublishers.ofString("protected bytes")));
		assertThat(file.status()).as(file.body()).isEqualTo(201);
		Api.Response transfer = api.post("/api/v1/transfers",
				Map.of("title", "Protected", "file_ids", List.of(file.json().get("id").asString())), admin);
		assertThat(transfer.status()).as(transfer.body()).isEqualTo(201);
		return transfer.json().get("id").asString();
	}

	private JsonNode link(Map<String, Object> options) {
		Api.Response link = api.post("/api/v1/transfers/" + transfer() + "/share", options, admin());
		assertThat(link.status()).as(link.body()).isEqualTo(201);
		return link.json();
	}

	/** The next Server-Sent Event (name, id, data), read as the EventSource spec says. */
	private static Event nextEvent(BufferedReader reader) throws Exception {
		CompletableFuture<Event> next = CompletableFuture.supplyAsync(() -> {
			try {
				String name = "message";
				String id = null;
				StringBuilder data = new StringBuilder();
				String line;
				while ((line = reader.readLine()) != null) {
					if (line.isEmpty()) {
						if (!data.isEmpty()) {
							return new Event(name, id, data.toString());
						}
						continue;
					}
					int colon = line.indexOf(':');
					String field = (colon < 0) ? line : line.substring(0, colon);
					String value = (colon < 0) ? "" : line.substring(colon + 1).replaceFirst("^ ", "");
					switch (field) {
						case "event" -> name = value;
						case "id" -> id = value;
						case "data" -> data.append(data.isEmpty() ? "" : "\n").append(value);
						default -> {
						}
					}
				}
				throw new AssertionError("the event stream ended");
			}
			catch (java.io.IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
		});
		return next.get(20, TimeUnit.SECONDS);
	}

	/** The MaxMind GeoLite2 test database from the test resources. */
	static String geoIpDatabase() {
		try {
			return Path.of(ProtectionIntegrationTests.class.getResource("/geoip/GeoLite2-Country-Test.mmdb").toURI())
				.toString();
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	record Event(String name, String id, String data) {
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
