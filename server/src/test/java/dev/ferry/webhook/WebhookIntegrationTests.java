package dev.ferry.webhook;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import dev.ferry.testing.Api;
import dev.ferry.testing.ContentSafetyTest;
import dev.ferry.testing.Curl;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import dev.ferry.testing.IntegrationTest;
import dev.ferry.testing.OwnServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Webhooks end to end: a real upload, the delivery worker, and a Node receiver that
 * verifies the Standard Webhooks signature with the {@code standardwebhooks} package.
 * Private addresses are allowed here (the receiver is on loopback); the refusal without
 * that setting is {@link AddressGuardTests}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebhookIntegrationTests {

	static final GreenMail MAIL = OwnServer.startMail();

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		OwnServer.register(registry, "webhooks");
		OwnServer.registerMail(registry, MAIL);
		registry.add("ferry.webhooks.allow-private", () -> "true");
		registry.add("ferry.webhooks.poll-interval", () -> "100ms");
		registry.add("ferry.webhooks.retry-delay", () -> "100ms");
		registry.add("ferry.webhooks.max-attempts", () -> "2");
		registry.add("ferry.scan.clamd", () -> ContentSafetyTest.requiredEnv("FERRY_TEST_CLAMD"));
		registry.add("ferry.scan.interval", () -> "100ms");
		registry.add("ferry.share.sweep-interval", () -> "200ms");
		registry.add("ferry.defender.link-addresses", () -> "2");
	}

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	Api api;

	@BeforeEach
	void connect() {
		api = new Api("http://127.0.0.1:" + port);
	}

	@Test
	void anUploadIsDeliveredSignedReplayedAndSignedUnderBothSecretsAfterARotation() throws Exception {
		String token = newUser();
		try (WebhookReceiver receiver = new WebhookReceiver()) {
			Api.Response created = api.post("/api/v1/webhooks",
					Map.of("url", receiver.url("/hook"), "events", List.of("file.uploaded")), token);
			assertThat(created.status()).as(created.body()).isEqualTo(201);
			String secret = created.json().get("secret").asString();
			assertThat(secret).startsWith("whsec_");
			receiver.secret(secret);
			String id = created.json().get("id").asString();
			assertThat(api.get("/api/v1/webhooks", token).json().get("items").get(0).has("secret")).isFalse();
			JsonNode file = upload(token, "/hooks/a.txt", "hello webhooks");
			await().atMost(Duration.ofSeconds(60)).until(() -> verified(receiver).size() == 1);
			JsonNode payload = verified(receiver).get(0).get("payload");
			assertThat(payload.get("type").asString()).isEqualTo("file.uploaded");
			assertThat(payload.get("data").get("path").asString()).isEqualTo("/hooks/a.txt");
			assertThat(payload.get("data").get("sha256").asString()).isEqualTo(file.get("sha256").asString());
			JsonNode log = api.get("/api/v1/webhooks/" + id + "/deliveries", token).json().get("items");
			assertThat(log).hasSize(1);
			assertThat(log.get(0).get("status").asString()).isEqualTo("delivered");
			assertThat(log.get(0).get("response_code").asInt()).isEqualTo(204);
			String delivery = log.get(0).get("id").asString();
			Api.Response replay = api.post("/api/v1/webhooks/" + id + "/deliveries/" + delivery + "/replay", Map.of(),
					token);
			assertThat(replay.status()).as(replay.body()).isEqualTo(202);
			await().atMost(Duration.ofSeconds(60)).until(() -> verified(receiver).size() == 2);
			assertThat(verified(receiver).get(1).get("id").asString()).isEqualTo(delivery);
			Api.Response rotated = api.post("/api/v1/webhooks/" + id + "/rotate-secret", Map.of(), token);
			assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
			String newSecret = rotated.json().get("secret").asString();
			assertThat(newSecret).startsWith("whsec_").isNotEqualTo(secret);
			upload(token, "/hooks/b.txt", "still the old secret");
			await().atMost(Duration.ofSeconds(60)).until(() -> verified(receiver).size() == 3);
			receiver.secret(newSecret);
			upload(token, "/hooks/c.txt", "now the new secret");
			await().atMost(Duration.ofSeconds(60)).until(() -> verified(receiver).size() == 4);
			assertThat(receiver.requests()).allMatch((request) -> request.get("verified").asBoolean());
			Api.Response again = api.post("/api/v1/webhooks/" + id + "/rotate-secret", Map.of(), token);
			assertThat(again.status()).as("a second rotation, with a previous secret in place").isEqualTo(200);
			receiver.secret(again.json().get("secret").asString());
			upload(token, "/hooks/d.txt", "the third secret");
			await().atMost(Duration.ofSeconds(60)).until(() -> verified(receiver).size() == 5);

			assertThat(api.patch("/api/v1/webhooks/" + id, Map.of("enabled", false), token).status()).isEqualTo(200);
			assertThat(api.post("/api/v1/webhooks/" + id + "/deliveries/" + delivery + "/replay", Map.of(), token)
				.status()).isEqualTo(202);
			await().atMost(Duration.ofSeconds(60))
				.until(() -> "failed".equals(deliveryLog(token, id, delivery).get("status").asString()));
			assertThat(deliveryLog(token, id, delivery).get("last_error").asString()).isEqualTo("webhook disabled");
			assertThat(receiver.requests()).as("a disabled webhook gets nothing").hasSize(5);
		}
	}

	private JsonNode deliveryLog(String token, String hook, String delivery) {
		for (JsonNode entry : api.get("/api/v1/webhooks/" + hook + "/deliveries", token).json().get("items")) {
			if (entry.get("id").asString().equals(delivery)) {
				return entry;
			}
		}
		throw new AssertionError("no delivery " + delivery + " in the log");
	}

	@Test
	void aRedirectIsNotFollowedAndPersistentFailureDisablesTheWebhookAndTellsItsOwner() throws Exception {
		String email = "hooks-" + UUID.randomUUID() + "@ferry.test";
		String token = newUser(email);
		try (WebhookReceiver receiver = new WebhookReceiver()) {
			Api.Response created = api.post("/api/v1/webhooks",
					Map.of("url", receiver.url("/redirect"), "events", List.of("file.uploaded")), token);
			assertThat(created.status()).as(created.body()).isEqualTo(201);
			receiver.secret(created.json().get("secret").asString());
			String id = created.json().get("id").asString();
			for (int i = 0; i < 2; i++) {
				upload(token, "/redirected-" + i + ".txt", "content " + i);
				int deliveries = i + 1;
				await().atMost(Duration.ofSeconds(60))
					.until(() -> failed(api.get("/api/v1/webhooks/" + id + "/deliveries", token).json()) == deliveries);
			}
			JsonNode log = api.get("/api/v1/webhooks/" + id + "/deliveries", token).json().get("items");
			assertThat(log.get(0).get("response_code").asInt()).isEqualTo(307);
			assertThat(log.get(0).get("attempts").asInt()).isEqualTo(2);
			assertThat(receiver.requests()).noneMatch((request) -> "/target".equals(request.get("path").asString()));
			JsonNode hook = api.get("/api/v1/webhooks", token).json().get("items").get(0);
			assertThat(hook.get("enabled").asBoolean()).isFalse();
			await().atMost(Duration.ofSeconds(60)).until(() -> mailsTo(email) == 1);
			Api.Response enabled = api.patch("/api/v1/webhooks/" + id, Map.of("enabled", true), token);
			assertThat(enabled.json().get("enabled").asBoolean()).isTrue();
			assertThat(enabled.json().get("failures").asInt()).isZero();
		}
	}

	@Test
	void webhooksAreValidatedAndOnlyTheirOwnerManagesThem() {
		String token = newUser();
		long before = jdbc.sql("SELECT COALESCE(MAX(seq), 0) FROM audit_log").query(Long.class).single();
		Api.Response unknownEvent = api.post("/api/v1/webhooks",
				Map.of("url", "https://example.com/hook", "events", List.of("file.eaten")), token);
		assertThat(unknownEvent.status()).isEqualTo(400);
		assertThat(unknownEvent.json().get("type").asString()).isEqualTo("/problems/invalid-webhook");
		Api.Response badUrl = api.post("/api/v1/webhooks",
				Map.of("url", "ftp://example.com/x", "events", List.of("file.uploaded")), token);
		assertThat(badUrl.status()).isEqualTo(400);
		Api.Response badPort = api.post("/api/v1/webhooks",
				Map.of("url", "https://example.com:99999/hook", "events", List.of("file.uploaded")), token);
		assertThat(badPort.status()).isEqualTo(400);
		assertThat(badPort.json().get("detail").asString()).contains("port");
		assertThat(jdbc
			.sql("SELECT details FROM audit_log WHERE seq > ? AND action = 'webhook.created' AND outcome = 'failure' "
					+ "ORDER BY seq")
			.param(before)
			.query(String.class)
			.list()).satisfiesExactly((first) -> assertThat(first).contains("invalid_events"),
					(second) -> assertThat(second).contains("invalid_url"),
					(third) -> assertThat(third).contains("invalid_url"));
		Api.Response everyone = api.post("/api/v1/webhooks",
				Map.of("url", "https://example.com/hook", "events", List.of("file.uploaded"), "all_accounts", true),
				token);
		assertThat(everyone.status()).isEqualTo(403);
		Api.Response created = api.post("/api/v1/webhooks",
				Map.of("url", "https://example.com/hook", "events", List.of("file.uploaded", "transfer.created")),
				token);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.json().get("id").asString();
		String other = newUser();
		assertThat(api.patch("/api/v1/webhooks/" + id, Map.of("enabled", false), other).status()).isEqualTo(404);
		assertThat(api.delete("/api/v1/webhooks/" + id, other).status()).isEqualTo(404);
		Api.Response patched = api.patch("/api/v1/webhooks/" + id, Map.of("events", List.of("share.expired")), token);
		assertThat(patched.json().get("events").get(0).asString()).isEqualTo("share.expired");
		assertThat(jdbc.sql(
				"SELECT details FROM audit_log WHERE object_id = ? AND action = 'webhook.updated' AND outcome = 'success'")
			.param(id)
			.query(String.class)
			.single()).as("what changed is on the trail").contains("share.expired");
		Api.Response readOnlyKey = api.post("/api/v1/auth/api-keys",
				Map.of("name", "reads webhooks", "scopes", List.of("read")), token);
		assertThat(readOnlyKey.status()).isEqualTo(201);
		assertThat(api.get("/api/v1/webhooks/" + id + "/deliveries", readOnlyKey.json().get("key").asString()).status())
			.as("the delivery log is read with the read scope")
			.isEqualTo(200);
		String unknownDelivery = java.util.UUID.randomUUID().toString();
		assertThat(api.post("/api/v1/webhooks/" + id + "/deliveries/" + unknownDelivery + "/replay", Map.of(), token)
			.status()).isEqualTo(404);
		assertThat(jdbc
			.sql("SELECT COUNT(*) FROM audit_log WHERE object_id = ? AND action = 'webhook.replayed' "
					+ "AND outcome = 'failure' AND details LIKE ?")
			.params(id, "%" + unknownDelivery + "%")
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(api.delete("/api/v1/webhooks/" + id, token).status()).isEqualTo(204);
		assertThat(api.get("/api/v1/webhooks", token).json().get("items")).isEmpty();
	}

	@Test
	void aDemotedAdministratorsWebhookGetsNoMoreOfEveryAccountsEvents() throws Exception {
		String admin = api.login(IntegrationTest.ADMIN_EMAIL, IntegrationTest.ADMIN_PASSWORD);
		String email = "hooks-admin-" + UUID.randomUUID() + "@ferry.test";
		String password = "password-" + UUID.randomUUID();
		Api.Response promoted = api.post("/api/v1/admin/users",
				Map.of("email", email, "password", password, "role", "admin"), admin);
		assertThat(promoted.status()).as(promoted.body()).isEqualTo(201);
		String uploader = newUser();
		try (WebhookReceiver receiver = new WebhookReceiver()) {
			Api.Response everyone = api.post("/api/v1/webhooks",
					Map.of("url", receiver.url("/everyone"), "events", List.of("file.uploaded"), "all_accounts", true),
					api.login(email, password));
			assertThat(everyone.status()).as(everyone.body()).isEqualTo(201);
			String hook = everyone.json().get("id").asString();
			upload(uploader, "/demoted/before.txt", "seen");
			assertThat(deliveries(hook)).isOne();
			// Sent before the demotion: the worker asks again when it sends, so on a
			// busy machine a delivery still queued at the role change is refused.
			await().atMost(Duration.ofSeconds(60)).until(() -> receiver.requests().size() == 1);

			assertThat(api
				.patch("/api/v1/admin/users/" + promoted.json().get("id").asString(), Map.of("role", "user"), admin)
				.status()).isEqualTo(200);
			upload(uploader, "/demoted/after.txt", "not for a former administrator");
			assertThat(deliveries(hook)).as("events are queued in the upload's own transaction").isOne();

			String owner = api.login(email, password);
			String delivery = api.get("/api/v1/webhooks/" + hook + "/deliveries", owner)
				.json()
				.get("items")
				.get(0)
				.get("id")
				.asString();
			assertThat(api.post("/api/v1/webhooks/" + hook + "/deliveries/" + delivery + "/replay", Map.of(), owner)
				.status()).isEqualTo(202);
			await().atMost(Duration.ofSeconds(60))
				.until(() -> "failed".equals(deliveryLog(owner, hook, delivery).get("status").asString()));
			assertThat(deliveryLog(owner, hook, delivery).get("last_error").asString())
				.isEqualTo(DeliveryWorker.OWNER_MAY_NOT_RECEIVE);
			assertThat(receiver.requests()).as("a replay is sent only to whom may still see it").hasSize(1);
		}
	}

	/**
	 * A receiver that takes the request and never answers keeps the delivery pending for
	 * the attempt's timeout: a replay then would race the job that owns it, and is
	 * refused.
	 */
	@Test
	void anAccountHasAtMostItsShareOfWebhooks() {
		String token = newUser();
		for (int i = 0; i < WebhookService.MAX_PER_ACCOUNT; i++) {
			assertThat(api
				.post("/api/v1/webhooks",
						Map.of("url", "https://example.com/hook/" + i, "events", List.of("file.uploaded")), token)
				.status()).isEqualTo(201);
		}
		Api.Response tooMany = api.post("/api/v1/webhooks",
				Map.of("url", "https://example.com/hook/more", "events", List.of("file.uploaded")), token);
		assertThat(tooMany.status()).isEqualTo(400);
		assertThat(tooMany.json().get("detail").asString())
			.contains("at most " + WebhookService.MAX_PER_ACCOUNT + " webhooks");
	}

	@Test
	void aDeliveryStillBeingAttemptedIsNotReplayed() throws Exception {
		String token = newUser();
		try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
			Api.Response created = api.post("/api/v1/webhooks", Map.of("url",
					"http://127.0.0.1:" + silent.getLocalPort() + "/hook", "events", List.of("file.uploaded")), token);
			assertThat(created.status()).as(created.body()).isEqualTo(201);
			String hook = created.json().get("id").asString();
			upload(token, "/silent/a.txt", "nobody answers");
			try (Socket attempt = silent.accept()) {
				String delivery = api.get("/api/v1/webhooks/" + hook + "/deliveries", token)
					.json()
					.get("items")
					.get(0)
					.get("id")
					.asString();
				Api.Response replay = api.post("/api/v1/webhooks/" + hook + "/deliveries/" + delivery + "/replay",
						Map.of(), token);
				assertThat(replay.status()).isEqualTo(409);
				assertThat(replay.json().get("type").asString()).isEqualTo("/problems/delivery-pending");
			}
		}
	}

	private long deliveries(String hook) {
		return jdbc.sql("SELECT COUNT(*) FROM webhook_deliveries WHERE webhook_id = ?")
			.param(hook)
			.query(Long.class)
			.single();
	}

	@Test
	void sharingScanningUploadRequestsAndAlertsAreDeliveredToTheirSubscribers() throws Exception {
		String token = newUser();
		String admin = api.login(IntegrationTest.ADMIN_EMAIL, IntegrationTest.ADMIN_PASSWORD);
		try (WebhookReceiver receiver = new WebhookReceiver(); WebhookReceiver admins = new WebhookReceiver()) {
			Api.Response created = api.post(
					"/api/v1/webhooks", Map.of("url", receiver.url("/account"), "events", List.of("file.scanned",
							"transfer.created", "transfer.downloaded", "share.expired", "upload_request.received")),
					token);
			assertThat(created.status()).as(created.body()).isEqualTo(201);
			receiver.secret(created.json().get("secret").asString());
			Api.Response everyone = api.post("/api/v1/webhooks",
					Map.of("url", admins.url("/admin"), "events", List.of("alert.raised"), "all_accounts", true),
					admin);
			assertThat(everyone.status()).as(everyone.body()).isEqualTo(201);
			admins.secret(everyone.json().get("secret").asString());

			JsonNode file = upload(token, "/events/report.txt", "a report to share");
			JsonNode scanned = event(receiver, "file.scanned");
			assertThat(scanned.get("file_id").asString()).isEqualTo(file.get("id").asString());
			assertThat(scanned.get("scan_status").asString()).isEqualTo("clean");

			Api.Response transfer = api.post("/api/v1/transfers",
					Map.of("title", "Quarterly", "file_ids", List.of(file.get("id").asString()), "link", Map.of()),
					token);
			assertThat(transfer.status()).as(transfer.body()).isEqualTo(201);
			String transferId = transfer.json().get("id").asString();
			JsonNode createdEvent = event(receiver, "transfer.created");
			assertThat(createdEvent.get("transfer_id").asString()).isEqualTo(transferId);
			assertThat(createdEvent.get("title").asString()).isEqualTo("Quarterly");
			assertThat(createdEvent.get("files").asInt()).isEqualTo(1);

			String shareToken = transfer.json().get("link").get("token").asString();
			for (String address : List.of("127.0.0.2", "127.0.0.3")) {
				Curl.Result download = Curl
					.run(List.of("curl", "-sS", "--fail", "--interface", address, "-o", "/dev/null", api.base()
							+ "/api/v1/share/" + shareToken + "/files/" + file.get("id").asString() + "/download"));
				assertThat(download.exitCode()).as(download.output()).isZero();
			}
			await().atMost(Duration.ofSeconds(60)).until(() -> events(receiver, "transfer.downloaded").size() == 2);
			JsonNode downloaded = events(receiver, "transfer.downloaded").get(0);
			assertThat(downloaded.get("transfer_id").asString()).isEqualTo(transferId);
			assertThat(downloaded.get("kind").asString()).isEqualTo("file");
			assertThat(downloaded.get("bytes").asLong()).isEqualTo("a report to share".length());
			JsonNode alert = event(admins, "alert.raised");
			assertThat(alert.get("kind").asString()).isEqualTo("link_many_addresses");

			jdbc.sql("UPDATE transfers SET expires_at = ? WHERE id = ?")
				.params(System.currentTimeMillis() - 1000, transferId)
				.update();
			JsonNode expired = event(receiver, "share.expired");
			assertThat(expired.get("transfer_id").asString()).isEqualTo(transferId);
			assertThat(expired.get("unopened").asBoolean()).isFalse();

			Api.Response request = api.post("/api/v1/upload-requests",
					Map.of("title", "Papers", "max_files", 5, "max_total_bytes", 1_000_000), token);
			assertThat(request.status()).as(request.body()).isEqualTo(201);
			Api.Response session = api.post(
					"/api/v1/upload-requests/public/" + request.json().get("token").asString() + "/session", Map.of(),
					null);
			assertThat(session.status()).as(session.body()).isEqualTo(200);
			byte[] content = "sent by a visitor".getBytes();
			Api.Response tus = api.send(api.builder("/api/v1/uploads", null)
				.header("Tus-Resumable", "1.0.0")
				.header("X-Upload-Request", session.json().get("session_token").asString())
				.header("Upload-Length", Integer.toString(content.length))
				.header("Upload-Metadata",
						"filename " + java.util.Base64.getEncoder().encodeToString("visitor.txt".getBytes()))
				.header("Content-Type", "application/offset+octet-stream")
				.POST(HttpRequest.BodyPublishers.ofByteArray(content)));
			assertThat(tus.status()).as(tus.body()).isEqualTo(201);
			JsonNode received = event(receiver, "upload_request.received");
			assertThat(received.get("upload_request_id").asString()).isEqualTo(request.json().get("id").asString());
			assertThat(received.get("path").asString()).endsWith("/visitor.txt");
			assertThat(received.get("size").asLong()).isEqualTo(content.length);

			assertThat(receiver.requests()).allMatch((r) -> r.get("verified").asBoolean());
			assertThat(admins.requests()).allMatch((r) -> r.get("verified").asBoolean());
			assertThat(events(receiver, "alert.raised")).isEmpty();
			api.delete("/api/v1/webhooks/" + everyone.json().get("id").asString(), admin);
		}
	}

	/** The {@code data} of the one delivery of {@code type}, once it arrived verified. */
	private static JsonNode event(WebhookReceiver receiver, String type) {
		await().atMost(Duration.ofSeconds(60)).until(() -> events(receiver, type).size() == 1);
		return events(receiver, type).get(0);
	}

	private static List<JsonNode> events(WebhookReceiver receiver, String type) {
		return verified(receiver).stream()
			.map((request) -> request.get("payload"))
			.filter((payload) -> type.equals(payload.get("type").asString()))
			.map((payload) -> payload.get("data"))
			.toList();
	}

	private static List<JsonNode> verified(WebhookReceiver receiver) {
		return receiver.requests().stream().filter((request) -> request.path("verified").asBoolean()).toList();
	}

	private static long failed(JsonNode log) {
		return log.get("items").valueStream().filter((d) -> "failed".equals(d.get("status").asString())).count();
	}

	private JsonNode upload(String token, String path, String content) {
		Api.Response response = api.send(api.builder("/api/v1/files/content?path=" + path, token)
			.PUT(HttpRequest.BodyPublishers.ofString(content)));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json();
	}

	private String newUser() {
		return newUser("hooks-" + UUID.randomUUID() + "@ferry.test");
	}

	private String newUser(String email) {
		String admin = api.login(IntegrationTest.ADMIN_EMAIL, IntegrationTest.ADMIN_PASSWORD);
		String password = "password-" + UUID.randomUUID();
		Api.Response created = api.post("/api/v1/admin/users",
				Map.of("email", email, "password", password, "role", "user"), admin);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return api.login(email, password);
	}

	private static long mailsTo(String address) throws MessagingException {
		long count = 0;
		for (MimeMessage message : MAIL.getReceivedMessages()) {
			if (message.getAllRecipients()[0].toString().equals(address)
					&& "A Ferry webhook was turned off".equals(message.getSubject())) {
				count++;
			}
		}
		return count;
	}

}
