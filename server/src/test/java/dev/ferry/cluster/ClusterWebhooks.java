package dev.ferry.cluster;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.ferry.testing.Api;
import dev.ferry.testing.FerryProcess;
import dev.ferry.webhook.WebhookReceiver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Webhook deliveries as one-time jobs on the three nodes of the shared cluster (every
 * node polls for due executions): uploads through the round-robin balancer raise their
 * events on every node, and each event is sent once, checked by the Standard Webhooks
 * reference verifier; a delivery that keeps failing is tried
 * {@code FERRY_WEBHOOKS_MAX_ATTEMPTS} (3) times, across the nodes together, then failed
 * once.
 *
 * <p>
 * Run as {@code ClusterIntegrationTests.Webhooks}, not as a class of its own: Surefire
 * hands classes to the two test JVMs one at a time, so two cluster classes ran side by
 * side in both and each JVM started its own three nodes. The enclosing class's
 * {@code @BeforeEach} waits for every node to be up.
 */
@ExtendWith(ClusterExtension.class)
abstract class ClusterWebhooks {

	@Test
	void eachEventIsDeliveredOnceAcrossNodes(Cluster cluster) throws Exception {
		Api api = new Api(cluster.balancer(Balancer.Kind.NGINX).base());
		String token = api.login(FerryProcess.ADMIN_EMAIL, FerryProcess.ADMIN_PASSWORD);
		try (WebhookReceiver receiver = new WebhookReceiver()) {
			String hook = createWebhook(api, token, receiver, "/once");
			Set<String> files = new HashSet<>();
			for (int i = 0; i < 9; i++) {
				files.add(upload(api, token));
			}
			await().atMost(Duration.ofSeconds(60)).until(() -> delivered(api, token, hook) == files.size());
			List<JsonNode> received = receiver.requests()
				.stream()
				.filter((request) -> request.has("verified") && request.get("verified").asBoolean())
				.filter((request) -> files.contains(request.get("payload").get("data").get("file_id").asString()))
				.toList();
			assertThat(received).hasSize(files.size());
			assertThat(received.stream().map((request) -> request.get("id").asString()).distinct()).hasSize(9);
			JsonNode log = api.get("/api/v1/webhooks/" + hook + "/deliveries", token).json().get("items");
			assertThat(log.valueStream().map((delivery) -> delivery.get("attempts").asInt())).containsOnly(1);
			assertThat(cluster.count("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = ?", "webhook-deliveries"))
				.isZero();
			assertThat(api.delete("/api/v1/webhooks/" + hook, token).status()).isEqualTo(204);
		}
	}

	@Test
	void aFailingDeliveryIsRetriedThenGivenUpOnce(Cluster cluster) throws Exception {
		Api api = new Api(cluster.balancer(Balancer.Kind.HAPROXY).base());
		String token = api.login(FerryProcess.ADMIN_EMAIL, FerryProcess.ADMIN_PASSWORD);
		try (WebhookReceiver receiver = new WebhookReceiver()) {
			String hook = createWebhook(api, token, receiver, "/redirect");
			upload(api, token);
			await().atMost(Duration.ofSeconds(60))
				.until(() -> "failed".equals(deliveries(api, token, hook).get(0).get("status").asString()));
			JsonNode delivery = deliveries(api, token, hook).get(0);
			assertThat(delivery.get("attempts").asInt()).isEqualTo(3);
			assertThat(delivery.get("response_code").asInt()).isEqualTo(307);
			assertThat(receiver.requests()).filteredOn((request) -> "/redirect".equals(request.get("path").asString()))
				.hasSize(3);
			assertThat(cluster
				.count("SELECT COUNT(*) FROM audit_log WHERE action = 'webhook.delivery' AND object_id = ?", hook))
				.as("given up once")
				.isOne();
			assertThat(api.get("/api/v1/webhooks", token)
				.json()
				.get("items")
				.valueStream()
				.filter((found) -> hook.equals(found.get("id").asString()))
				.map((found) -> found.get("failures").asInt())).containsExactly(1);
			assertThat(api.delete("/api/v1/webhooks/" + hook, token).status()).isEqualTo(204);
		}
	}

	private static String createWebhook(Api api, String token, WebhookReceiver receiver, String path) throws Exception {
		Api.Response created = api.post("/api/v1/webhooks",
				Map.of("url", receiver.url(path), "events", List.of("file.uploaded")), token);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		receiver.secret(created.json().get("secret").asString());
		return created.json().get("id").asString();
	}

	private static String upload(Api api, String token) {
		Api.Response stored = api.send(api
			.builder("/api/v1/files/content?path="
					+ URLEncoder.encode("/cluster/hooked-" + UUID.randomUUID() + ".txt", StandardCharsets.UTF_8), token)
			.PUT(HttpRequest.BodyPublishers.ofString("an event for every node")));
		assertThat(stored.status()).as(stored.body()).isEqualTo(201);
		return stored.json().get("id").asString();
	}

	private static JsonNode deliveries(Api api, String token, String hook) {
		return api.get("/api/v1/webhooks/" + hook + "/deliveries", token).json().get("items");
	}

	private static long delivered(Api api, String token, String hook) {
		return deliveries(api, token, hook).valueStream()
			.filter((delivery) -> "delivered".equals(delivery.get("status").asString()))
			.count();
	}

}
