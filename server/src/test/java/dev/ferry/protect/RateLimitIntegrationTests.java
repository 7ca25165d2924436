package dev.ferry.protect;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.ferry.FerryApplication;
import dev.ferry.testing.Api;
import dev.ferry.testing.Curl;
import dev.ferry.testing.IntegrationTest;
import dev.ferry.testing.OwnServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The request rate limits ({@code FERRY_RATE_*}) through the real API, from several
 * loopback source addresses, with small allowances in an hour-long window (nothing
 * refills during the test: the server's clock stands still). 127.0.0.1, the admin's
 * client, is the only address exempt from the defender, so the 429s others collect are
 * scored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		classes = { FerryApplication.class, ProtectionIntegrationTests.ClockConfiguration.class })
class RateLimitIntegrationTests {

	private static final String PASSWORD = "rate-limit-passphrase-Qx4";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Api api;

	private static String adminToken;

	private static String sharedFile;

	@DynamicPropertySource
	static void limits(DynamicPropertyRegistry registry) {
		OwnServer.register(registry, "rate");
		registry.add("ferry.rate.window", () -> "1h");
		registry.add("ferry.rate.api", () -> 400);
		registry.add("ferry.rate.public-calls", () -> 40);
		registry.add("ferry.rate.uploads", () -> 3);
		registry.add("ferry.rate.upload-bytes", () -> "100000B");
		registry.add("ferry.rate.downloads-per-link", () -> 3);
		registry.add("ferry.rate.downloads-per-address", () -> 4);
		registry.add("ferry.rate.downloads-per-account", () -> 2);
		registry.add("ferry.defender.threshold", () -> 5);
		registry.add("ferry.defender.exempt", () -> "127.0.0.1/32");
		registry.add("ferry.upload.min-chunk", () -> "1KB");
	}

	@BeforeEach
	void connectClient() {
		api = new Api("http://127.0.0.1:" + port);
	}

	@Test
	void publicCallsAreLimitedPerAddressWithTheIetfHeaders() {
		String token = link();
		String page = "/api/v1/share/" + token;
		Api.Response first = Curl.request("--interface", "127.0.0.30", api.base() + page);
		assertThat(first.status()).isEqualTo(200);
		assertThat(first.header("RateLimit-Policy")).isEqualTo("\"public\";q=40;w=3600");
		assertThat(first.header("RateLimit")).isEqualTo("\"public\";r=39;t=90");
		for (int i = 1; i < 40; i++) {
			assertThat(api.from("127.0.0.30").get(page, null).status()).isEqualTo(200);
		}

		Api.Response refused = Curl.request("--interface", "127.0.0.30", api.base() + page);

		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.contentType()).isEqualTo("application/problem+json");
		assertThat(refused.json().get("type").asString()).endsWith("/rate-limited");
		assertThat(refused.json().get("detail").asString()).contains("'public'").contains("Try again in 90 s");
		assertThat(refused.header("Retry-After")).isEqualTo("90");
		assertThat(refused.header("RateLimit")).isEqualTo("\"public\";r=0;t=90");
		assertThat(refused.header("RateLimit-Policy")).isEqualTo("\"public\";q=40;w=3600");
		assertThat(api.from("127.0.0.31").get(page, null).status()).as("another address").isEqualTo(200);
		assertThat(audited("rate_limit.refused")).anyMatch((details) -> details.contains("\"policy\":\"public\""))
			.anyMatch((details) -> details.contains("/api/v1/share/{redacted}"))
			.noneMatch((details) -> details.contains(token));
	}

	@Test
	void rateLimitHitsFeedTheDefender() {
		String token = link();
		String page = "/api/v1/share/" + token;
		Api flooder = api.from("127.0.0.32");
		for (int i = 0; i < 40; i++) {
			assertThat(flooder.get(page, null).status()).isEqualTo(200);
		}
		for (int i = 0; i < 6; i++) {
			assertThat(flooder.get(page, null).status()).isEqualTo(429);
		}

		Api.Response banned = flooder.get(page, null);
		assertThat(banned.status()).isEqualTo(403);
		assertThat(banned.json().get("type").asString()).endsWith("/address-banned");
		assertThat(
				jdbc.sql("SELECT reason FROM defender_bans WHERE address = '127.0.0.32'").query(String.class).single())
			.isEqualTo("rate_limited");
		assertThat(audited("defender.refused")).anyMatch((details) -> details.contains("/api/v1/share/{redacted}"))
			.noneMatch((details) -> details.contains(token));
	}

	@Test
	void downloadsAreLimitedPerLink() {
		String token = link();
		// Percent-encoded, the same link and route: it must count against the same limit.
		String encoded = "/%61pi/v1/share/%" + Integer.toHexString(token.charAt(0)) + token.substring(1);
		for (String address : List.of("127.0.0.40", "127.0.0.41", "127.0.0.42")) {
			String path = address.endsWith("41") ? encoded : "/api/v1/share/" + token;
			Api.Response download = api.from(address).get(path + "/download", null);
			assertThat(download.status()).isEqualTo(200);
			assertThat(download.header("RateLimit-Policy")).contains("\"downloads-link\";q=3;w=3600");
		}

		Api.Response refused = Curl.request("--interface", "127.0.0.43",
				api.base() + "/api/v1/share/" + token + "/download");

		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.json().get("policy").asString()).isEqualTo("downloads-link");
		assertThat(refused.header("RateLimit")).contains("\"downloads-link\";r=0;t=1200");
		assertThat(refused.header("Retry-After")).isEqualTo("1200");
	}

	@Test
	void downloadsAreLimitedPerAddress() {
		Api downloader = api.from("127.0.0.50");
		for (int i = 0; i < 4; i++) {
			assertThat(downloader.get("/api/v1/share/" + link() + "/download", null).status()).isEqualTo(200);
		}

		Api.Response refused = downloader.get("/api/v1/share/" + link() + "/download", null);

		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.json().get("policy").asString()).isEqualTo("downloads-address");
		assertThat(api.from("127.0.0.51").get("/api/v1/share/" + link() + "/download", null).status()).isEqualTo(200);
	}

	@Test
	void downloadsAreLimitedPerAccountFromAnyAddress() {
		String user = api.login(newUser(), PASSWORD);
		String file = upload(api, user, 10).json().get("id").asString();
		String path = "/api/v1/files/" + file + "/download";
		assertThat(api.from("127.0.0.60").get(path, user).status()).isEqualTo(200);
		assertThat(api.from("127.0.0.61").get(path, user).status()).isEqualTo(200);

		Api.Response refused = api.from("127.0.0.62").get(path, user);

		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.json().get("policy").asString()).isEqualTo("downloads-account");
		assertThat(refused.header("RateLimit-Policy")).contains("\"api\";q=400;w=3600");
	}

	/**
	 * A ZIP of one's own files is a download like any other, not a way around the limit.
	 */
	@Test
	void aZipOfOnesOwnFilesCountsAsADownload() {
		String user = api.login(newUser(), PASSWORD);
		String file = upload(api, user, 10).json().get("id").asString();
		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			Api.Response zip = api.post("/api/v1/files/zips", Map.of("ids", List.of(file)), user);
			assertThat(zip.status()).as(zip.body()).isEqualTo(201);
			statuses.add(api.from("127.0.0.6" + (3 + i)).get(zip.json().get("download_url").asString(), user).status());
		}

		assertThat(statuses).containsExactly(200, 200, 429);
	}

	@Test
	void uploadRequestsAreLimitedPerAccount() {
		String user = api.login(newUser(), PASSWORD);
		for (int i = 0; i < 3; i++) {
			assertThat(upload(api, user, 10).status()).isEqualTo(201);
		}

		Api.Response refused = upload(api, user, 10);

		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.json().get("policy").asString()).isEqualTo("uploads");
		assertThat(api.get("/api/v1/me", user).status()).as("other API calls go on").isEqualTo(200);
	}

	@Test
	void uploadBytesAreCountedWhileTheyStreamAndAnUploadOverTheAllowanceStoresNothing() throws Exception {
		String user = api.login(newUser(), PASSWORD);
		java.nio.file.Path body = java.nio.file.Files.createTempFile("rate", ".bin");
		java.nio.file.Files.write(body, new byte[60_000]);
		Api.Response first = Curl.request("--interface", "127.0.0.70", "-H", "Authorization: Bearer " + user, "-T",
				body.toString(), api.base() + "/api/v1/files/content?path=/first.bin");
		assertThat(first.status()).as(first.body()).isEqualTo(201);
		assertThat(first.header("RateLimit-Policy")).contains("\"upload-bytes\";q=100000;w=3600");
		assertThat(first.header("RateLimit")).contains("\"upload-bytes\";r=40000;");

		Api.Response second = Curl.request("--interface", "127.0.0.70", "-H", "Authorization: Bearer " + user, "-T",
				body.toString(), api.base() + "/api/v1/files/content?path=/second.bin");

		assertThat(second.status()).isEqualTo(429);
		assertThat(second.json().get("policy").asString()).isEqualTo("upload-bytes");
		assertThat(second.header("Retry-After")).isEqualTo("720");
		assertThat(api.get("/api/v1/files?path=/", user).body()).contains("first.bin").doesNotContain("second.bin");
		java.nio.file.Files.delete(body);
	}

	@Test
	void aTusUploadStreamsAgainstTheSameByteAllowance() {
		String user = api.login(newUser(), PASSWORD);
		Api.Response created = api.send(api.builder("/api/v1/uploads", user)
			.header("Tus-Resumable", "1.0.0")
			.header("Upload-Length", "90000")
			.header("Upload-Metadata", "filename " + java.util.Base64.getEncoder().encodeToString("tus.bin".getBytes()))
			.POST(HttpRequest.BodyPublishers.noBody()));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String location = created.header("Location");

		Api.Response patch = api.send(api.builder(location.replace(api.base(), ""), user)
			.header("Tus-Resumable", "1.0.0")
			.header("Upload-Offset", "0")
			.header("Content-Type", "application/offset+octet-stream")
			.method("PATCH", HttpRequest.BodyPublishers.ofByteArray(new byte[90_000])));

		assertThat(patch.status()).as(patch.body()).isEqualTo(204);
		assertThat(patch.header("RateLimit")).contains("\"upload-bytes\";r=9999;");
	}

	@Test
	void aChunkedUploadCountsAgainstTheUploadAllowances() {
		String user = api.login(newUser(), PASSWORD);

		Api.Response started = api.send(api.builder("/api/v1/files/upload?path=/chunked.bin", user)
			.header("Content-Type", "application/octet-stream")
			.header("Content-Range", "bytes 0-89999/90000")
			.POST(HttpRequest.BodyPublishers.ofByteArray(new byte[90_000])));

		assertThat(started.status()).as(started.body()).isBetween(200, 201);
		assertThat(started.header("RateLimit")).contains("\"upload-bytes\";r=10000;");
	}

	@Test
	void newDeviceSignInsFeedTheDefender() {
		String email = newUser();
		Api client = api.from("127.0.0.80");
		assertThat(signIn(client, email, "first device").status()).isEqualTo(200);
		for (int i = 0; i < 6; i++) {
			assertThat(signIn(client, email, "device " + i).status()).isEqualTo(200);
		}

		Api.Response banned = signIn(client, email, "device 6");

		assertThat(banned.status()).isEqualTo(403);
		assertThat(banned.json().get("type").asString()).endsWith("/address-banned");
		assertThat(
				jdbc.sql("SELECT reason FROM defender_bans WHERE address = '127.0.0.80'").query(String.class).single())
			.isEqualTo("new_device");
		assertThat(audited("auth.new_device")).hasSizeGreaterThanOrEqualTo(6);
	}

	private static Api.Response signIn(Api client, String email, String userAgent) {
		return client.send(client.builder("/api/v1/auth/login", null)
			.header("Content-Type", "application/json")
			.header("User-Agent", userAgent)
			.POST(HttpRequest.BodyPublishers
				.ofString("{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}")));
	}

	private List<String> audited(String action) {
		return jdbc.sql("SELECT details FROM audit_log WHERE action = ? ORDER BY seq DESC")
			.param(action)
			.query(String.class)
			.list();
	}

	private static Api.Response upload(Api api, String token, int size) {
		return api.send(api.builder("/api/v1/files/content?path=/rate-" + UUID.randomUUID(), token)
			.PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[size])));
	}

	private String admin() {
		if (adminToken == null) {
			adminToken = api.login(IntegrationTest.ADMIN_EMAIL, IntegrationTest.ADMIN_PASSWORD);
		}
		return adminToken;
	}

	private String newUser() {
		String email = "rate-" + UUID.randomUUID() + "@ferry.test";
		Api.Response created = api.post("/api/v1/admin/users",
				Map.of("email", email, "password", PASSWORD, "role", "user"), admin());
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return email;
	}

	/**
	 * A new open link to a transfer of the admin's one file (uploaded once, so the admin
	 * stays within the upload limits).
	 */
	private String link() {
		if (sharedFile == null) {
			Api.Response file = upload(api, admin(), 100);
			assertThat(file.status()).as(file.body()).isEqualTo(201);
			sharedFile = file.json().get("id").asString();
		}
		Api.Response transfer = api.post("/api/v1/transfers",
				Map.of("title", "Limited", "file_ids", List.of(sharedFile)), admin());
		assertThat(transfer.status()).as(transfer.body()).isEqualTo(201);
		Api.Response link = api.post("/api/v1/transfers/" + transfer.json().get("id").asString() + "/share", Map.of(),
				admin());
		assertThat(link.status()).as(link.body()).isEqualTo(201);
		return link.json().get("token").asString();
	}

}
