package dev.ferry.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import dev.ferry.testing.Api;
import dev.ferry.testing.FerryProcess;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Three nodes on PostgreSQL, one S3 bucket (S3Proxy) and Redis, behind nginx and behind
 * HAProxy (round robin, no stickiness): uploads and downloads go to any node, a node
 * killed with SIGKILL costs the clients nothing, and limits hold across nodes. The nodes
 * name themselves in {@code X-Ferry-Node}.
 */
@ExtendWith(ClusterExtension.class)
class ClusterIntegrationTests {

	private static final Path JS = Path.of("src", "test", "js").toAbsolutePath();

	private static final int MIB = 1024 * 1024;

	private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private static Cluster cluster;

	@TempDir
	Path dir;

	@BeforeAll
	static void useTheCluster(Cluster shared) {
		cluster = shared;
	}

	@BeforeEach
	void everyNodeIsUp() {
		cluster.awaitAllNodes();
	}

	@ParameterizedTest
	@EnumSource(Balancer.Kind.class)
	void patchesOfOneTusUploadLandOnEveryNode(Balancer.Kind kind) throws Exception {
		Api api = new Api(cluster.balancer(kind).base());
		String token = adminToken(api);
		byte[] content = random(9 * MIB + 123);

		JsonNode result = tusJsClient(api, token, content, null);

		assertThat(result.get("nodes").valueStream().map(JsonNode::asString).toList()).containsExactly(Cluster.name(0),
				Cluster.name(1), Cluster.name(2));
		assertThat(sha256(download(api, token, fileId(result)))).isEqualTo(sha256(content));
	}

	@ParameterizedTest
	@EnumSource(Balancer.Kind.class)
	void aNodeKilledMidUploadAndMidDownloadCostsTheClientsNothing(Balancer.Kind kind) throws Exception {
		Api api = new Api(cluster.balancer(kind).base());
		String token = adminToken(api);
		byte[] content = random(32 * MIB + 7);
		int victim = kind.ordinal();

		JsonNode upload = tusJsClient(api, token, content, () -> cluster.killAndRestart(victim));
		assertThat(sha256(download(api, token, fileId(upload)))).isEqualTo(sha256(content));

		RangedDownload download = downloadKillingItsNode(api, token, fileId(upload), content.length);
		assertThat(download.resumes()).isPositive();
		assertThat(sha256(download.content())).isEqualTo(sha256(content));
	}

	@ParameterizedTest
	@EnumSource(Balancer.Kind.class)
	void aOneDownloadLinkGivesExactlyOneOfThirtyParallelRequests(Balancer.Kind kind) throws Exception {
		Api api = new Api(cluster.balancer(kind).base());
		String token = adminToken(api);
		Api.Response stored = api.send(api.builder(
				"/api/v1/files/content?path="
						+ URLEncoder.encode("/cluster/once-" + UUID.randomUUID() + ".bin", StandardCharsets.UTF_8),
				token)
			.PUT(HttpRequest.BodyPublishers.ofByteArray(random(64 * 1024))));
		assertThat(stored.status()).as(stored.body()).isEqualTo(201);
		String fileId = stored.json().get("id").asString();
		Api.Response transfer = api.post("/api/v1/transfers",
				Map.of("title", "Once", "message", "Once only", "file_ids", List.of(fileId)), token);
		assertThat(transfer.status()).as(transfer.body()).isEqualTo(201);
		Api.Response link = api.post("/api/v1/transfers/" + transfer.json().get("id").asString() + "/share",
				Map.of("max_downloads", 1), token);
		assertThat(link.status()).as(link.body()).isEqualTo(201);
		String path = "/api/v1/share/" + link.json().get("token").asString() + "/files/" + fileId + "/download";

		List<Integer> statuses = parallel(30, () -> api.get(path, null).status());

		assertThat(statuses).filteredOn((status) -> status == 200).hasSize(1);
		assertThat(statuses).filteredOn((status) -> status == 410).hasSize(29);
	}

	/**
	 * Ten wrong passwords for one account from one address, spread over the three nodes,
	 * use up the limit everywhere: each node alone has seen only three or four.
	 */
	@Test
	void aLoginLimitHoldsAcrossNodes() {
		String email = "nobody-" + UUID.randomUUID() + "@ferry.test";
		for (int attempt = 0; attempt < 10; attempt++) {
			Api node = new Api(cluster.node(attempt % Cluster.NODES));
			assertThat(node.post("/api/v1/auth/login", Map.of("email", email, "password", "wrong-" + attempt), null)
				.status()).isEqualTo(401);
		}
		for (int node = 0; node < Cluster.NODES; node++) {
			Api.Response refused = new Api(cluster.node(node)).post("/api/v1/auth/login",
					Map.of("email", email, "password", "still wrong"), null);
			assertThat(refused.status()).as("node %d", node + 1).isEqualTo(429);
		}
	}

	/**
	 * An administrator's deny rule, made on one node, refuses the address on the others
	 * too once they reload (every 10 s), and its removal lets it back in alike. Bans take
	 * the same path.
	 */
	@Test
	void anAddressRuleMadeOnOneNodeHoldsOnEveryNode() {
		Api admin = new Api(cluster.node(0));
		String token = adminToken(admin);
		Api other = new Api(cluster.node(1)).from("127.0.0.77");
		assertThat(other.get("/api/v1/auth/providers", null).status()).as("known before: nothing refused")
			.isEqualTo(200);

		Api.Response deny = admin.post("/api/v1/admin/address-rules",
				Map.of("network", "127.0.0.77/32", "kind", "deny", "note", "cluster test"), token);
		assertThat(deny.status()).as(deny.body()).isEqualTo(201);
		await().atMost(Duration.ofSeconds(30)).until(() -> other.get("/api/v1/auth/providers", null).status() == 403);

		assertThat(admin.delete("/api/v1/admin/address-rules/" + deny.json().get("id").asString(), token).status())
			.isEqualTo(204);
		await().atMost(Duration.ofSeconds(30)).until(() -> other.get("/api/v1/auth/providers", null).status() == 200);
	}

	/**
	 * An account locked by failures spread over every node is refused on each of them,
	 * and the lockout is audited (and would be mailed) once, not once per node.
	 */
	@Test
	void anAccountLockedOnEveryNodeIsReportedOnce() throws Exception {
		Api admin = new Api(cluster.node(0));
		String email = "locked-" + UUID.randomUUID() + "@ferry.test";
		Api.Response created = admin.post("/api/v1/admin/users",
				Map.of("email", email, "password", "right-password-" + email, "role", "user"), adminToken(admin));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		int attempt = 0;
		for (String address : List.of("127.0.0.2", "127.0.0.3")) {
			for (int i = 0; i < 10; i++, attempt++) {
				Api node = new Api(cluster.node(attempt % Cluster.NODES)).from(address);
				assertThat(node.post("/api/v1/auth/login", Map.of("email", email, "password", "wrong"), null).status())
					.isEqualTo(401);
			}
		}

		for (int node = 0; node < Cluster.NODES; node++) {
			Api.Response refused = new Api(cluster.node(node)).from("127.0.0.4")
				.post("/api/v1/auth/login", Map.of("email", email, "password", "wrong"), null);
			assertThat(refused.status()).as("node %d", node + 1).isEqualTo(429);
		}
		assertThat(cluster.count("SELECT COUNT(*) FROM audit_log WHERE action = 'auth.lockout' AND object_id = ?",
				created.json().get("id").asString()))
			.isEqualTo(1);
	}

	/**
	 * Every node sweeps each second, so all three race for a transfer that has ended: it
	 * is recorded expired once, purged once and its file shredded once.
	 */
	@Test
	void aScheduledPurgeRunsOnceAcrossNodes() throws Exception {
		Api api = new Api(cluster.balancer(Balancer.Kind.NGINX).base());
		String token = adminToken(api);
		Api.Response stored = api.send(api
			.builder("/api/v1/files/content?path="
					+ URLEncoder.encode("/cluster/ending-" + UUID.randomUUID() + ".bin", StandardCharsets.UTF_8), token)
			.PUT(HttpRequest.BodyPublishers.ofByteArray(random(4096))));
		assertThat(stored.status()).as(stored.body()).isEqualTo(201);
		String fileId = stored.json().get("id").asString();
		Api.Response transfer = api.post("/api/v1/transfers",
				Map.of("title", "Ending", "file_ids", List.of(fileId), "delete_files_on_expiry", true), token);
		assertThat(transfer.status()).as(transfer.body()).isEqualTo(201);
		String transferId = transfer.json().get("id").asString();

		assertThat(cluster.update("UPDATE transfers SET expires_at = 0 WHERE id = ?", transferId)).isEqualTo(1);

		await().atMost(Duration.ofSeconds(60))
			.until(() -> cluster.count("SELECT COUNT(*) FROM transfers WHERE id = ? AND purged_at IS NOT NULL",
					transferId) == 1);
		assertThat(auditCount("transfer.expired", transferId)).isEqualTo(1);
		assertThat(auditCount("transfer.purged", transferId)).isEqualTo(1);
		assertThat(auditCount("file.purged", fileId)).isEqualTo(1);
		assertThat(api.send(api.builder("/api/v1/files/" + fileId, token).GET()).status()).isEqualTo(404);
	}

	/**
	 * All three nodes poll for the probe job (every second, see {@code Cluster}); each
	 * run records how many runs it saw before it. Each schedule ran on exactly one node:
	 * the numbers are 0, 1, 2, ... without a repeat, while more than one node took turns.
	 */
	@Test
	void aRecurringJobRunsOncePerScheduleAcrossNodes() throws Exception {
		List<String> seen = new ArrayList<>();
		Set<String> nodes = new HashSet<>();
		await().atMost(Duration.ofSeconds(90)).until(() -> {
			seen.clear();
			nodes.clear();
			for (String[] run : cluster.rows("SELECT object_id, details FROM audit_log WHERE action = ? ORDER BY seq",
					"test.job_probe")) {
				seen.add(run[0]);
				nodes.add(JsonMapper.builder().build().readTree(run[1]).get("node").asString());
			}
			return seen.size() >= 6 && nodes.size() >= 2;
		});
		assertThat(seen).containsExactlyElementsOf(IntStream.range(0, seen.size()).mapToObj(String::valueOf).toList());
		assertThat(cluster.count("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = ?", "test-probe"))
			.as("one execution for all nodes")
			.isOne();
	}

	private static long auditCount(String action, String objectId) throws Exception {
		return cluster.count("SELECT COUNT(*) FROM audit_log WHERE action = '" + action + "' AND object_id = ?",
				objectId);
	}

	/** Runs tus-js-client; {@code atHalf} runs once more than half was sent. */
	private JsonNode tusJsClient(Api api, String token, byte[] content, Action atHalf) throws Exception {
		installClient();
		Path source = dir.resolve("upload-" + UUID.randomUUID() + ".bin");
		Files.write(source, content);
		ProcessBuilder builder = new ProcessBuilder("node", JS.resolve("cluster-upload.mjs").toString(),
				api.base() + "/api/v1/uploads", source.toString())
			.redirectError(dir.resolve("node-stderr.txt").toFile());
		builder.environment().put("FERRY_TOKEN", token);
		Process node = builder.start();
		String last = null;
		try (BufferedReader out = new BufferedReader(new InputStreamReader(node.getInputStream()))) {
			for (String line = out.readLine(); line != null; line = out.readLine()) {
				if (line.equals("half") && atHalf != null) {
					atHalf.run();
				}
				last = line;
			}
		}
		assertThat(node.waitFor(180, TimeUnit.SECONDS)).isTrue();
		assertThat(node.exitValue()).as(Files.readString(dir.resolve("node-stderr.txt"))).isZero();
		return JsonMapper.builder().build().readTree(last);
	}

	/**
	 * Reads a download through the balancer, kills the node that streams it after 2 MiB
	 * and resumes with {@code Range} requests until the file is whole.
	 */
	private RangedDownload downloadKillingItsNode(Api api, String token, String fileId, int length) throws Exception {
		byte[] content = new byte[length];
		int received = 0;
		int resumes = -1;
		boolean killed = false;
		while (received < length) {
			resumes++;
			assertThat(resumes).as("resumes").isLessThan(10);
			HttpRequest.Builder request = api.builder("/api/v1/files/" + fileId + "/download", token);
			if (received > 0) {
				request.header("Range", "bytes=" + received + "-");
			}
			HttpResponse<InputStream> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
			assertThat(response.statusCode()).isEqualTo((received > 0) ? 206 : 200);
			try (InputStream in = response.body()) {
				for (int read = in.read(content, received, Math.min(64 * 1024, length - received)); read > 0; read = in
					.read(content, received, Math.min(64 * 1024, length - received))) {
					received += read;
					if (!killed && received >= 2 * MIB) {
						killed = true;
						cluster
							.killAndRestart(Cluster.index(response.headers().firstValue("X-Ferry-Node").orElseThrow()));
					}
				}
			}
			catch (IOException cut) {
				// The node died mid-body: resume from what arrived.
			}
		}
		return new RangedDownload(content, resumes);
	}

	private static byte[] download(Api api, String token, String fileId) throws Exception {
		HttpResponse<byte[]> response = HTTP.send(api.builder("/api/v1/files/" + fileId + "/download", token).build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

	private static <T> List<T> parallel(int count, java.util.concurrent.Callable<T> task) throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(count);
		try {
			List<Future<T>> futures = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				futures.add(pool.submit(() -> {
					start.await();
					return task.call();
				}));
			}
			start.countDown();
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get(120, TimeUnit.SECONDS));
			}
			return results;
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static String adminToken(Api api) {
		return api.login(FerryProcess.ADMIN_EMAIL, FerryProcess.ADMIN_PASSWORD);
	}

	private static String fileId(JsonNode tusResult) {
		String url = tusResult.get("url").asString();
		return url.substring(url.lastIndexOf('/') + 1);
	}

	private static byte[] random(int size) {
		byte[] bytes = new byte[size];
		new Random(size).nextBytes(bytes);
		return bytes;
	}

	private static String sha256(byte[] bytes) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
	}

	/** bin/test runs {@code npm ci} first; a lone test run installs the client itself. */
	private static synchronized void installClient() throws Exception {
		if (!Files.isDirectory(JS.resolve("node_modules").resolve("tus-js-client"))) {
			Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--prefix", JS.toString())
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			assertThat(npm.waitFor(300, TimeUnit.SECONDS) && npm.exitValue() == 0).as("npm ci in %s", JS).isTrue();
		}
	}

	/** Webhook deliveries on the same three nodes ({@link ClusterWebhooks}). */
	@Nested
	class Webhooks extends ClusterWebhooks {

	}

	@FunctionalInterface
	private interface Action {

		void run() throws Exception;

	}

	private record RangedDownload(byte[] content, int resumes) {
	}

}
