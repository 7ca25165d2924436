package dev.ferry.admin;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import dev.ferry.testing.Api;
import dev.ferry.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class AdminStatsIntegrationTests extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void activityAndOverviewCountWhatJustHappened() {
		String admin = adminToken();
		JsonNode before = totals(admin);
		JsonNode overviewBefore = api.get("/api/v1/admin/stats/overview", admin).json();
		String email = "stats-" + UUID.randomUUID() + "@ferry.test";
		String token = newUser(admin, email, "user");
		byte[] content = "twelve bytes".getBytes(StandardCharsets.UTF_8);

		String fileId = upload(token, "/stats/a.txt", content);
		assertThat(download(token, fileId)).isEqualTo(content.length);
		assertThat(api.post("/api/v1/auth/login", Map.of("email", email, "password", "wrong-password-here"), null)
			.status()).isEqualTo(401);

		// The download is recorded once its body has gone out, after the client has it.
		JsonNode after = await().atMost(Duration.ofSeconds(10))
			.until(() -> totals(admin), (now) -> now.get("downloads").asLong() > before.get("downloads").asLong());
		assertThat(after.get("uploads").asLong() - before.get("uploads").asLong()).isEqualTo(1);
		assertThat(after.get("upload_bytes").asLong() - before.get("upload_bytes").asLong()).isEqualTo(12);
		assertThat(after.get("downloads").asLong() - before.get("downloads").asLong()).isEqualTo(1);
		assertThat(after.get("download_bytes").asLong() - before.get("download_bytes").asLong()).isEqualTo(12);
		assertThat(after.get("failed_logins").asLong() - before.get("failed_logins").asLong()).isEqualTo(1);
		assertThat(after.get("sign_ins").asLong() - before.get("sign_ins").asLong()).isEqualTo(1);

		JsonNode overview = api.get("/api/v1/admin/stats/overview", admin).json();
		assertThat(overview.get("users").get("active").asLong() - overviewBefore.get("users").get("active").asLong())
			.isEqualTo(1);
		assertThat(overview.get("files").asLong() - overviewBefore.get("files").asLong()).isEqualTo(1);
		assertThat(overview.get("stored_bytes").asLong() - overviewBefore.get("stored_bytes").asLong()).isEqualTo(12);
		assertThat(overview.get("last24h").get("uploads").asLong()).isGreaterThanOrEqualTo(1);
		assertThat(overview.get("last24h").get("failed_logins").asLong()).isGreaterThanOrEqualTo(1);
		assertThat(overview.get("top_storage").size()).isBetween(1, 5);
		assertThat(overview.get("generated_at").asString()).endsWith("Z");
	}

	@Test
	void activityHasOneEntryPerDayEndingToday() {
		JsonNode activity = api.get("/api/v1/admin/stats/activity?days=7", adminToken()).json();

		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		assertThat(activity.get("days").asInt()).isEqualTo(7);
		assertThat(activity.get("items").size()).isEqualTo(7);
		assertThat(activity.get("from").asString()).isEqualTo(today.minusDays(6).toString());
		assertThat(activity.get("to").asString()).isEqualTo(today.toString());
		assertThat(activity.get("items").get(6).get("date").asString()).isEqualTo(today.toString());
		assertThat(activity.get("items").get(0).propertyNames()).containsExactlyInAnyOrder("date", "uploads",
				"upload_bytes", "downloads", "download_bytes", "failed_logins", "sign_ins");
	}

	@Test
	void storageListsTheBiggestAccountsWithTheirQuota() {
		String admin = adminToken();
		String email = "storage-" + UUID.randomUUID() + "@ferry.test";
		String token = newUser(admin, email, "user");
		upload(token, "/big.bin", new byte[64 * 1024]);

		JsonNode items = api.get("/api/v1/admin/stats/storage?limit=100", admin).json().get("items");

		assertThat(items.size()).isBetween(1, 100);
		for (int i = 1; i < items.size(); i++) {
			assertThat(items.get(i).get("bytes").asLong()).isLessThanOrEqualTo(items.get(i - 1).get("bytes").asLong());
		}
		long smallest = items.get(items.size() - 1).get("bytes").asLong();
		if (items.size() < 100 || smallest < 64 * 1024) {
			JsonNode mine = find(items, email);
			assertThat(mine.get("bytes").asLong()).isEqualTo(64 * 1024);
			assertThat(mine.get("files").asLong()).isEqualTo(1);
			assertThat(mine.get("quota_bytes").asLong()).as("the default user quota")
				.isEqualTo(10L * 1024 * 1024 * 1024);
			assertThat(mine.get("user_id").asString()).hasSize(36);
		}
		assertThat(api.get("/api/v1/admin/stats/storage?limit=1", admin).json().get("items").size()).isEqualTo(1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "activity?days=0", "activity?days=366", "activity?days=abc", "storage?limit=0",
			"storage?limit=101" })
	void badInputIsAProblem(String query) {
		Api.Response response = api.get("/api/v1/admin/stats/" + query, adminToken());

		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("errors").get(0).get("field").asString()).isIn("days", "limit");
	}

	@Test
	void onlyAdminsMayReadStats() {
		String email = "nosy-" + UUID.randomUUID() + "@ferry.test";
		String user = newUser(adminToken(), email, "user");

		for (String path : new String[] { "overview", "activity", "storage" }) {
			Api.Response denied = api.get("/api/v1/admin/stats/" + path, user);
			assertThat(denied.status()).isEqualTo(403);
			assertThat(denied.contentType()).startsWith("application/problem+json");
			assertThat(api.get("/api/v1/admin/stats/" + path, null).status()).isEqualTo(401);
		}
		assertThat(jdbc
			.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'admin.stats_overview' "
					+ "AND outcome = 'denied' AND actor_label = ?")
			.param(email)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void analyticsHasTheDashboardsFiguresInOneDocumentForAdminsOnly() {
		String admin = adminToken();
		Api.Response analytics = api.get("/api/v1/admin/analytics", admin);
		assertThat(analytics.status()).isEqualTo(200);
		JsonNode body = analytics.json();
		JsonNode overview = api.get("/api/v1/admin/stats/overview", admin).json();
		assertThat(body.get("overview").get("users").get("total").asLong())
			.isEqualTo(overview.get("users").get("total").asLong());
		assertThat(body.get("activity").get("days").asInt()).isEqualTo(30);
		assertThat(body.get("activity").get("items")).hasSize(30);
		assertThat(body.get("storage").isArray()).isTrue();

		String user = newUser(admin, "analytics-" + UUID.randomUUID() + "@ferry.test", "user");
		Api.Response denied = api.get("/api/v1/admin/analytics", user);
		assertThat(denied.status()).isEqualTo(403);
		assertThat(denied.contentType()).startsWith("application/problem+json");
		assertThat(api.get("/api/v1/admin/analytics", null).status()).isEqualTo(401);
	}

	@Test
	void readingStatsIsAudited() {
		String admin = adminToken();
		api.get("/api/v1/admin/stats/activity?days=9", admin);

		assertThat(jdbc
			.sql("SELECT details FROM audit_log WHERE action = 'admin.stats_activity' "
					+ "AND outcome = 'success' ORDER BY seq DESC")
			.query(String.class)
			.list()
			.get(0)).contains("\"days\":9");
	}

	@Test
	void theOpenApiDocumentDescribesTheStats() {
		JsonNode paths = api.get("/api/v1/openapi.json", null).json().get("paths");

		assertThat(paths.has("/api/v1/admin/stats/overview")).isTrue();
		assertThat(paths.has("/api/v1/admin/stats/storage")).isTrue();
		JsonNode activity = paths.get("/api/v1/admin/stats/activity").get("get");
		assertThat(activity.get("parameters").get(0).get("name").asString()).isEqualTo("days");
		assertThat(activity.get("responses").get("200").toString()).contains("StatsActivity");
	}

	private JsonNode totals(String admin) {
		Api.Response response = api.get("/api/v1/admin/stats/activity?days=365", admin);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json().get("totals");
	}

	private String newUser(String admin, String email, String role) {
		String password = "password-" + UUID.randomUUID();
		Api.Response created = api.post("/api/v1/admin/users",
				Map.of("email", email, "password", password, "role", role), admin);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return api.login(email, password);
	}

	private String upload(String token, String path, byte[] content) {
		Api.Response response = api.send(api.builder("/api/v1/files/content?path=" + path, token)
			.PUT(HttpRequest.BodyPublishers.ofByteArray(content)));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json().get("id").asString();
	}

	private int download(String token, String fileId) {
		Api.Response response = api.get("/api/v1/files/" + fileId + "/download", token);
		assertThat(response.status()).isEqualTo(200);
		return response.body().getBytes(StandardCharsets.UTF_8).length;
	}

	private static JsonNode find(JsonNode items, String email) {
		for (JsonNode item : items) {
			if (item.get("email").asString().equals(email)) {
				return item;
			}
		}
		throw new AssertionError(email + " is not in " + items);
	}

}
