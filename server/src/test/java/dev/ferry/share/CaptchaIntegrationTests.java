package dev.ferry.share;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.ferry.FerryApplication;
import dev.ferry.testing.Api;
import dev.ferry.testing.IntegrationTest;
import dev.ferry.testing.MutableClock;
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

/**
 * ALTCHA proof of work on share links and upload requests, solved by a client written
 * here from the protocol (brute-forcing the secret number behind the SHA-256 challenge),
 * through the real API of a server with {@code FERRY_CAPTCHA_DEFAULT=true}. Challenges
 * expire by moving the server's clock, never by waiting.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		classes = { FerryApplication.class, CaptchaIntegrationTests.ClockConfiguration.class })
class CaptchaIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	Api api;

	private static String adminToken;

	@DynamicPropertySource
	static void captcha(DynamicPropertyRegistry registry) {
		OwnServer.register(registry, "captcha");
		registry.add("ferry.share.captcha-default", () -> true);
	}

	@BeforeEach
	void connectClient() {
		api = new Api("http://127.0.0.1:" + port);
	}

	@Test
	void aSolvedChallengeOpensTheLinkOnceAndADownloadWithoutItIsRefused() throws Exception {
		JsonNode link = link(Map.of());
		assertThat(link.get("captcha").asBoolean()).as("FERRY_CAPTCHA_DEFAULT").isTrue();
		String base = "/api/v1/share/" + link.get("token").asString();
		JsonNode info = api.get(base, null).json();
		assertThat(info.get("captcha_required").asBoolean()).isTrue();
		assertThat(info.get("unlocked").asBoolean()).isFalse();

		Api.Response without = api.get(base + "/download", null);
		assertThat(without.status()).isEqualTo(403);
		assertThat(without.json().get("type").asString()).endsWith("/captcha-required");
		Api.Response unlock = api.post(base + "/unlock", Map.of(), null);
		assertThat(unlock.status()).as("no session without the proof of work").isEqualTo(403);
		assertThat(unlock.json().get("type").asString()).endsWith("/captcha-required");

		String payload = solve(api.get(base + "/challenge", null).json());
		Api.Response opened = api.post(base + "/captcha", Map.of("payload", payload), null);
		assertThat(opened.status()).as(opened.body()).isEqualTo(200);
		String session = opened.json().get("session_token").asString();
		Api.Response download = api.send(api.builder(base + "/download", null).header("X-Share-Session", session));
		assertThat(download.status()).isEqualTo(200);

		Api.Response replay = api.post(base + "/captcha", Map.of("payload", payload), null);
		assertThat(replay.status()).isEqualTo(403);
		assertThat(replay.json().get("type").asString()).endsWith("/captcha-invalid");
		assertThat(replay.json().get("detail").asString()).contains("used already");
		String id = link.get("id").asString();
		assertThat(audited(id)).contains("success share.captcha", "failure share.captcha replayed",
				"failure share.download captcha_required");
	}

	@Test
	void signedInFormsLearnTheDefaultBeforeCreatingAnything() {
		Api.Response defaults = api.get("/api/v1/link-defaults", admin());
		assertThat(defaults.status()).isEqualTo(200);
		assertThat(defaults.json().get("captcha").asBoolean()).as("FERRY_CAPTCHA_DEFAULT").isTrue();
		assertThat(defaults.json().get("max_days").asInt()).isEqualTo(30);
		assertThat(api.get("/api/v1/link-defaults", null).status()).isEqualTo(401);

		JsonNode optedOut = link(Map.of("captcha", false));
		assertThat(optedOut.get("captcha").asBoolean()).as("what a form sends when the box is unticked").isFalse();
	}

	@Test
	void anExpiredChallengeIsRefused() throws Exception {
		JsonNode link = link(Map.of());
		String base = "/api/v1/share/" + link.get("token").asString();
		String payload = solve(api.get(base + "/challenge", null).json());

		clock.advance(Duration.ofMinutes(6));
		Api.Response expired = api.post(base + "/captcha", Map.of("payload", payload), null);

		assertThat(expired.status()).isEqualTo(403);
		assertThat(expired.json().get("detail").asString()).contains("expired");
	}

	@Test
	void aTamperedOrForeignSolutionIsRefused() throws Exception {
		JsonNode link = link(Map.of());
		String base = "/api/v1/share/" + link.get("token").asString();
		JsonNode challenge = api.get(base + "/challenge", null).json();
		ObjectNode solution = (ObjectNode) JSON.readTree(decode(solve(challenge)));
		solution.put("number", solution.get("number").asLong() + 1);

		Api.Response wrong = api.post(base + "/captcha", Map.of("payload", encode(solution.toString())), null);
		assertThat(wrong.status()).isEqualTo(403);
		assertThat(wrong.json().get("detail").asString()).contains("wrong");

		ObjectNode forged = (ObjectNode) JSON.readTree(decode(solve(challenge)));
		forged.put("signature", "00".repeat(32));
		assertThat(api.post(base + "/captcha", Map.of("payload", encode(forged.toString())), null).status())
			.isEqualTo(403);

		String other = "/api/v1/share/" + link(Map.of()).get("token").asString();
		Api.Response foreign = api.post(other + "/captcha", Map.of("payload", solve(challenge)), null);
		assertThat(foreign.status()).isEqualTo(403);
		assertThat(foreign.json().get("detail").asString()).contains("another link");
		assertThat(api.post(base + "/captcha", Map.of("payload", "not base64!"), null).status()).isEqualTo(403);
	}

	@Test
	void linksWithAPasswordOrAskingForNoneOpenWithoutIt() {
		JsonNode password = link(Map.of("password", "captcha-free"));
		assertThat(password.get("captcha").asBoolean()).isFalse();
		JsonNode off = link(Map.of("captcha", false));
		assertThat(off.get("captcha").asBoolean()).isFalse();
		assertThat(api.get("/api/v1/share/" + off.get("token").asString() + "/download", null).status()).isEqualTo(200);
		Api.Response challenge = api.get("/api/v1/share/" + off.get("token").asString() + "/challenge", null);
		assertThat(challenge.status()).isEqualTo(400);

		String transfer = transfer();
		Api.Response both = api.post("/api/v1/transfers/" + transfer + "/share",
				Map.of("captcha", true, "password", "and-captcha"), admin());
		assertThat(both.status()).isEqualTo(400);
		assertThat(both.json().get("detail").asString()).contains("not both");
	}

	@Test
	void anUploadRequestWithCaptchaTakesFilesOnlyAfterASolvedChallenge() throws Exception {
		JsonNode request = uploadRequest(Map.of());
		assertThat(request.get("captcha").asBoolean()).as("FERRY_CAPTCHA_DEFAULT").isTrue();
		String base = "/api/v1/upload-requests/public/" + request.get("token").asString();
		assertThat(api.get(base, null).json().get("captcha_required").asBoolean()).isTrue();

		Api.Response without = api.post(base + "/session", Map.of(), null);
		assertThat(without.status()).isEqualTo(403);
		assertThat(without.contentType()).isEqualTo("application/problem+json");
		assertThat(without.json().get("type").asString()).endsWith("/captcha-required");
		assertThat(without.json().get("detail").asString())
			.contains(base.replace(request.get("token").asString(), "{token}") + "/challenge");

		JsonNode linkChallenge = api.get("/api/v1/share/" + link(Map.of()).get("token").asString() + "/challenge", null)
			.json();
		Api.Response foreign = api.post(base + "/captcha", Map.of("payload", solve(linkChallenge)), null);
		assertThat(foreign.status()).as("a share link's solution opens no upload request").isEqualTo(403);
		assertThat(foreign.json().get("detail").asString()).contains("another upload request");

		String payload = solve(api.get(base + "/challenge", null).json());
		Api.Response opened = api.post(base + "/captcha", Map.of("payload", payload), null);
		assertThat(opened.status()).as(opened.body()).isEqualTo(200);
		Api.Response upload = api.send(api.builder("/api/v1/uploads", null)
			.header("X-Upload-Request", opened.json().get("session_token").asString())
			.header("Tus-Resumable", "1.0.0")
			.header("Upload-Length", "5")
			.header("Upload-Metadata", "filename " + encode("proof.txt"))
			.POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
		assertThat(upload.status()).as(upload.body()).isEqualTo(201);

		Api.Response replay = api.post(base + "/captcha", Map.of("payload", payload), null);
		assertThat(replay.status()).isEqualTo(403);
		assertThat(replay.json().get("type").asString()).endsWith("/captcha-invalid");
		assertThat(replay.json().get("detail").asString()).contains("used already");
		assertThat(audited(request.get("id").asString())).contains("failure upload_request.unlock captcha_required",
				"failure upload_request.captcha other_upload_request", "success upload_request.captcha",
				"failure upload_request.captcha replayed");
	}

	@Test
	void anUploadRequestsCaptchaIsSetOnCreationAndPatchAndNeverWithAPassword() {
		JsonNode password = uploadRequest(Map.of("password", "captcha-free"));
		assertThat(password.get("captcha").asBoolean()).isFalse();
		Api.Response both = api.post("/api/v1/upload-requests",
				Map.of("title", "Both", "max_files", 1, "max_total_bytes", 10, "password", "x", "captcha", true),
				admin());
		assertThat(both.status()).isEqualTo(400);
		assertThat(both.json().get("detail").asString()).contains("not both");
		String path = "/api/v1/upload-requests/" + password.get("id").asString();
		assertThat(api.patch(path, Map.of("captcha", true), admin()).status()).isEqualTo(400);

		JsonNode off = uploadRequest(Map.of("captcha", false));
		String base = "/api/v1/upload-requests/public/" + off.get("token").asString();
		assertThat(api.post(base + "/session", Map.of(), null).status()).isEqualTo(200);
		assertThat(api.get(base + "/challenge", null).status()).isEqualTo(400);

		Api.Response on = api.patch("/api/v1/upload-requests/" + off.get("id").asString(), Map.of("captcha", true),
				admin());
		assertThat(on.status()).as(on.body()).isEqualTo(200);
		assertThat(on.json().get("captcha").asBoolean()).isTrue();
		assertThat(api.post(base + "/session", Map.of(), null).status()).isEqualTo(403);
		Api.Response empty = api.patch("/api/v1/upload-requests/" + off.get("id").asString(), Map.of(), admin());
		assertThat(empty.status()).isEqualTo(400);
		assertThat(empty.json().get("detail").asString()).contains("captcha");
	}

	/**
	 * The ALTCHA client: finds the number n below {@code maxnumber} with SHA-256(salt +
	 * n) = challenge and answers base64 of the payload JSON.
	 */
	static String solve(JsonNode challenge) throws Exception {
		assertThat(challenge.get("algorithm").asString()).isEqualTo("SHA-256");
		String salt = challenge.get("salt").asString();
		String target = challenge.get("challenge").asString();
		long max = challenge.get("maxnumber").asLong();
		MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
		for (long n = 0; n <= max; n++) {
			String hash = HexFormat.of().formatHex(sha256.digest((salt + n).getBytes(StandardCharsets.UTF_8)));
			if (hash.equals(target)) {
				ObjectNode payload = JSON.createObjectNode();
				payload.put("algorithm", "SHA-256");
				payload.put("challenge", target);
				payload.put("number", n);
				payload.put("salt", salt);
				payload.put("signature", challenge.get("signature").asString());
				return encode(payload.toString());
			}
		}
		throw new AssertionError("no solution below maxnumber " + max);
	}

	private static String encode(String json) {
		return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
	}

	private static String decode(String payload) {
		return new String(Base64.getDecoder().decode(payload), StandardCharsets.UTF_8);
	}

	private List<String> audited(String linkId) {
		return jdbc
			.sql("SELECT outcome || ' ' || action || COALESCE(' ' || json_extract(details, '$.reason'), '') "
					+ "FROM audit_log WHERE object_id = ?")
			.param(linkId)
			.query(String.class)
			.list();
	}

	private String admin() {
		if (adminToken == null) {
			adminToken = api.login(IntegrationTest.ADMIN_EMAIL, IntegrationTest.ADMIN_PASSWORD);
		}
		return adminToken;
	}

	private String transfer() {
		Api.Response file = api.send(api.builder("/api/v1/files/content?path=/captcha-" + UUID.randomUUID(), admin())
			.PUT(java.net.http.HttpRequest.BodyPublishers.ofString("proof of work")));
		assertThat(file.status()).as(file.body()).isEqualTo(201);
		Api.Response transfer = api.post("/api/v1/transfers",
				Map.of("title", "Captcha", "file_ids", List.of(file.json().get("id").asString())), admin());
		assertThat(transfer.status()).as(transfer.body()).isEqualTo(201);
		return transfer.json().get("id").asString();
	}

	private JsonNode uploadRequest(Map<String, Object> options) {
		Map<String, Object> body = new java.util.HashMap<>(options);
		body.putAll(Map.of("title", "Proof " + UUID.randomUUID(), "max_files", 5, "max_total_bytes", 1000));
		Api.Response request = api.post("/api/v1/upload-requests", body, admin());
		assertThat(request.status()).as(request.body()).isEqualTo(201);
		return request.json();
	}

	private JsonNode link(Map<String, Object> options) {
		Api.Response link = api.post("/api/v1/transfers/" + transfer() + "/share", options, admin());
		assertThat(link.status()).as(link.body()).isEqualTo(201);
		return link.json();
	}

	@TestConfiguration
	static class ClockConfiguration {

		@Bean
		@Primary
		MutableClock testClock() {
			return new MutableClock(Instant.now());
		}

	}

}
