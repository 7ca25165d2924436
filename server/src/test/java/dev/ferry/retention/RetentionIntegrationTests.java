package dev.ferry.retention;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.ferry.testing.Api;
import dev.ferry.testing.IntegrationTest;
import dev.ferry.testing.TestAccounts;
import dev.ferry.testing.TestAccounts.Account;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retention through the admin API on the shared server: the dry run lists the files past
 * the age limit, the run given the dry run's {@code as_of} removes exactly those (their
 * keys destroyed) and nothing younger. Only the files policy is set here: pruning the
 * shared server's audit trail is covered by {@code AuditPruningTests} on its own
 * database.
 */
class RetentionIntegrationTests extends IntegrationTest {

	private static final String RETENTION = "/api/v1/admin/retention";

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void keepEverything() {
		api.send(put(Map.of("policies", Map.of()), adminToken()));
	}

	@Test
	void theRunRemovesExactlyWhatTheDryRunListed() {
		String admin = adminToken();
		Account user = new TestAccounts(api, admin).user();
		String old1 = upload(user, "old-1.txt");
		String old2 = upload(user, "old-2.txt");
		String young = upload(user, "young.txt");
		long fortyDaysAgo = Instant.now().minus(Duration.ofDays(40)).toEpochMilli();
		jdbc.sql("UPDATE files SET created_at = ? WHERE id IN (?, ?)").params(fortyDaysAgo, old1, old2).update();

		Api.Response set = api.send(put(Map.of("policies", Map.of("files", 30)), admin));
		assertThat(set.status()).as(set.body()).isEqualTo(200);
		assertThat(api.get(RETENTION, admin).json().get("policies").get("files").asInt()).isEqualTo(30);

		JsonNode preview = api.get(RETENTION + "/preview", admin).json();
		assertThat(preview.get("dry_run").asBoolean()).isTrue();
		JsonNode files = category(preview, "files");
		assertThat(ids(files)).containsExactlyInAnyOrder(old1, old2);
		assertThat(files.get("count").asLong()).isEqualTo(2);
		assertThat(count("SELECT COUNT(*) FROM files WHERE id IN (?, ?, ?)", old1, old2, young)).isEqualTo(3);
		String blob = jdbc.sql("SELECT blob_id FROM files WHERE id = ?").param(old1).query(String.class).single();

		Api.Response run = api.post(RETENTION + "/run?as_of=" + preview.get("as_of").asString(), "", admin);
		assertThat(run.status()).as(run.body()).isEqualTo(200);
		assertThat(ids(category(run.json(), "files"))).containsExactlyInAnyOrderElementsOf(ids(files));
		assertThat(count("SELECT COUNT(*) FROM files WHERE id IN (?, ?)", old1, old2)).isZero();
		assertThat(count("SELECT COUNT(*) FROM files WHERE id = ?", young)).isEqualTo(1);
		assertThat(count("SELECT COUNT(*) FROM blobs WHERE id = ? AND wrapped_key IS NOT NULL", blob)).isZero();
		assertThat(count("SELECT COUNT(*) FROM audit_log WHERE action = 'file.purged' AND object_id IN (?, ?)"
				+ " AND details LIKE '%retention%'", old1, old2))
			.isEqualTo(2);
		assertThat(count("SELECT COUNT(*) FROM audit_log WHERE action = 'retention.policy_update'")).isPositive();
	}

	@Test
	void badPoliciesAndFutureCutoffsAreRefusedAndUsersAreDenied() {
		String admin = adminToken();
		Api.Response unknown = api.send(put(Map.of("policies", Map.of("everything", 1)), admin));
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.contentType()).startsWith("application/problem+json");
		assertThat(unknown.body()).contains("supported: files, audit");
		assertThat(api.send(put(Map.of("policies", Map.of("files", 0)), admin)).status()).isEqualTo(400);
		Api.Response future = api.post(RETENTION + "/run?as_of=" + Instant.now().plus(Duration.ofDays(400)), "", admin);
		assertThat(future.status()).isEqualTo(400);
		assertThat(future.body()).contains("as_of");

		Account user = new TestAccounts(api, admin).user();
		assertThat(api.get(RETENTION + "/preview", user.token()).status()).isEqualTo(403);
		assertThat(api.send(put(Map.of("policies", Map.of("files", 1)), user.token())).status()).isEqualTo(403);
	}

	private static JsonNode category(JsonNode plan, String name) {
		for (JsonNode category : plan.get("categories")) {
			if (category.get("category").asString().equals(name)) {
				return category;
			}
		}
		throw new AssertionError("no " + name + " in " + plan);
	}

	private static List<String> ids(JsonNode category) {
		return category.get("files").findValuesAsString("id");
	}

	private HttpRequest.Builder put(Object body, String token) {
		return api.builder(RETENTION, token)
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers
				.ofString(tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(body)));
	}

	private String upload(Account user, String name) {
		Api.Response stored = api
			.send(api.builder("/api/v1/files/content?path=/retention-" + UUID.randomUUID() + "/" + name, user.token())
				.PUT(HttpRequest.BodyPublishers.ofString("content of " + name)));
		assertThat(stored.status()).as(stored.body()).isIn(200, 201);
		return stored.json().get("id").asString();
	}

	private long count(String sql, Object... params) {
		return jdbc.sql(sql).params(params).query(Long.class).single();
	}

}
