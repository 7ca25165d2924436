package dev.ferry.retention;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.ferry.files.AgedFiles;
import dev.ferry.files.FileContent;
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
 * keys destroyed) and nothing younger; likewise for older versions, trash, ended
 * transfers and the download log, aged by writing their times. Audit is not set here:
 * pruning the shared server's audit trail is covered by {@code AuditPruningTests} on its
 * own database.
 */
class RetentionIntegrationTests extends IntegrationTest {

	private static final String RETENTION = "/api/v1/admin/retention";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AgedFiles agedFiles;

	@Autowired
	FileContent content;

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
		// First uploaded as long ago, but its current content is a version from today.
		jdbc.sql("UPDATE files SET created_at = ?, version_at = ? WHERE id = ?")
			.params(fortyDaysAgo, Instant.now().toEpochMilli(), young)
			.update();

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
	void aFileGivenANewVersionAfterTheRunListedItKeepsEverything() {
		Account user = new TestAccounts(api, adminToken()).user();
		String folder = "/retention-" + UUID.randomUUID();
		String id = upload(user, folder, "report.txt", "the old content");
		jdbc.sql("UPDATE files SET created_at = ? WHERE id = ?")
			.params(Instant.now().minus(Duration.ofDays(40)).toEpochMilli(), id)
			.update();
		AgedFiles.AgedFile listed = agedFiles.uploadedBefore(Instant.now().minus(Duration.ofDays(30)), 100_000)
			.stream()
			.filter((file) -> file.id().toString().equals(id))
			.findFirst()
			.orElseThrow();

		assertThat(upload(user, folder, "report.txt", "today's content")).isEqualTo(id);
		assertThat(content.purgeContent(listed.ownerId(), listed.id(), listed.blobId(), "retention")).isFalse();

		Api.Response download = api.get("/api/v1/files/" + id + "/download", user.token());
		assertThat(download.body()).isEqualTo("today's content");
		assertThat(count("SELECT COUNT(*) FROM file_versions WHERE file_id = ?", id)).as("the old version too")
			.isEqualTo(1);
		assertThat(count("SELECT COUNT(*) FROM audit_log WHERE action = 'file.purged' AND object_id = ?", id)).isZero();
	}

	@Test
	void versionsTrashDownloadLogsAndTransfersGoExactlyAsTheDryRunCounted() {
		String admin = adminToken();
		Account user = new TestAccounts(api, admin).user();
		long twentyDaysAgo = Instant.now().minus(Duration.ofDays(20)).toEpochMilli();
		String folder = "/retention-" + UUID.randomUUID();
		String versioned = upload(user, folder, "versioned.txt", "first");
		upload(user, folder, "versioned.txt", "second");
		upload(user, folder, "versioned.txt", "third");
		String oldVersion = scalar("SELECT id FROM file_versions WHERE file_id = ? AND version = 1", versioned);
		String oldVersionBlob = scalar("SELECT blob_id FROM file_versions WHERE id = ?", oldVersion);
		jdbc.sql("UPDATE file_versions SET replaced_at = ? WHERE id = ?").params(twentyDaysAgo, oldVersion).update();
		String oldTrash = trashed(user, folder, "old-trash.txt");
		String youngTrash = trashed(user, folder, "young-trash.txt");
		String trashBlob = scalar("SELECT blob_id FROM trashed_files WHERE id = ?", oldTrash);
		jdbc.sql("UPDATE trashed_files SET trashed_at = ? WHERE id = ?").params(twentyDaysAgo, oldTrash).update();
		String sent = upload(user, folder, "sent.txt", "sent");
		String oldTransfer = endedTransfer(user, sent);
		String youngTransfer = endedTransfer(user, sent);
		jdbc.sql("UPDATE transfers SET ended_at = ?, purged_at = ? WHERE id = ?")
			.params(twentyDaysAgo, twentyDaysAgo, oldTransfer)
			.update();
		String liveTransfer = downloadedTransfer(user, sent);
		jdbc.sql("UPDATE share_downloads SET started_at = ? WHERE transfer_id = ?")
			.params(twentyDaysAgo, liveTransfer)
			.update();
		Map<String, Integer> policies = Map.of("versions", 10, "trash", 10, "transfers", 10, "download_logs", 10);
		assertThat(api.send(put(Map.of("policies", policies), admin)).status()).isEqualTo(200);
		assertThat(api.get(RETENTION, admin).json().get("policies").get("download_logs").asInt()).isEqualTo(10);

		JsonNode preview = api.get(RETENTION + "/preview", admin).json();
		for (String name : policies.keySet()) {
			assertThat(category(preview, name).get("count").asLong()).as(name).isPositive();
		}
		Api.Response run = api.post(RETENTION + "/run?as_of=" + preview.get("as_of").asString(), "", admin);
		assertThat(run.status()).as(run.body()).isEqualTo(200);

		for (String name : policies.keySet()) {
			assertThat(category(run.json(), name).get("count").asLong()).as(name)
				.isEqualTo(category(preview, name).get("count").asLong());
		}
		assertThat(count("SELECT COUNT(*) FROM file_versions WHERE file_id = ?", versioned)).isEqualTo(1);
		assertThat(count("SELECT COUNT(*) FROM file_versions WHERE id = ?", oldVersion)).isZero();
		assertThat(count("SELECT COUNT(*) FROM files WHERE id = ?", versioned)).isEqualTo(1);
		assertThat(count("SELECT COUNT(*) FROM trashed_files WHERE id IN (?, ?)", oldTrash, youngTrash)).isEqualTo(1);
		assertThat(count("SELECT COUNT(*) FROM trashed_files WHERE id = ?", youngTrash)).isEqualTo(1);
		assertThat(count("SELECT COUNT(*) FROM blobs WHERE id IN (?, ?) AND wrapped_key IS NOT NULL", oldVersionBlob,
				trashBlob))
			.as("the removed content is crypto-shredded")
			.isZero();
		assertThat(
				count("SELECT COUNT(*) FROM transfers WHERE id IN (?, ?, ?)", oldTransfer, youngTransfer, liveTransfer))
			.isEqualTo(2);
		assertThat(count("SELECT COUNT(*) FROM transfers WHERE id = ?", oldTransfer)).isZero();
		assertThat(count("SELECT COUNT(*) FROM share_downloads WHERE transfer_id = ?", liveTransfer)).isZero();
		assertThat(count("SELECT COUNT(*) FROM files WHERE id = ?", sent)).as("a transfer's files stay").isEqualTo(1);
		assertThat(audited("file.version.pruned", versioned)).isEqualTo(1);
		assertThat(audited("file.purged", oldTrash)).isEqualTo(1);
		assertThat(audited("transfer.deleted", oldTransfer)).isEqualTo(1);
		assertThat(count("SELECT COUNT(*) FROM audit_log WHERE action = 'share.downloads_pruned'")).isPositive();
	}

	@Test
	void badPoliciesAndFutureCutoffsAreRefusedAndUsersAreDenied() {
		String admin = adminToken();
		long before = count("SELECT COALESCE(MAX(seq), 0) FROM audit_log");
		Api.Response unknown = api.send(put(Map.of("policies", Map.of("everything", 1)), admin));
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.contentType()).startsWith("application/problem+json");
		assertThat(unknown.body()).contains("supported: versions, trash, files, download_logs, transfers, audit");
		assertThat(api.send(put(Map.of("policies", Map.of("files", 0)), admin)).status()).isEqualTo(400);
		Api.Response future = api.post(RETENTION + "/run?as_of=" + Instant.now().plus(Duration.ofDays(400)), "", admin);
		assertThat(future.status()).isEqualTo(400);
		assertThat(future.body()).contains("as_of");
		Api.Response ancient = api.post(RETENTION + "/run?as_of=-9223372036854775808", "", admin);
		assertThat(ancient.status()).as(ancient.body()).isEqualTo(400);
		assertThat(ancient.body()).contains("before 1970");
		assertThat(count("SELECT COUNT(*) FROM audit_log WHERE seq > ? AND outcome = 'failure' AND action IN"
				+ " ('retention.policy_update', 'retention.run')", before))
			.as("every refusal is on the trail")
			.isEqualTo(4);

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
		return upload(user, "/retention-" + UUID.randomUUID(), name, "content of " + name);
	}

	private String upload(Account user, String folder, String name, String content) {
		Api.Response stored = api.send(api.builder("/api/v1/files/content?path=" + folder + "/" + name, user.token())
			.PUT(HttpRequest.BodyPublishers.ofString(content)));
		assertThat(stored.status()).as(stored.body()).isIn(200, 201);
		return stored.json().get("id").asString();
	}

	private String trashed(Account user, String folder, String name) {
		String id = upload(user, folder, name, "trash " + name);
		assertThat(api.delete("/api/v1/files/" + id, user.token()).status()).isEqualTo(204);
		return id;
	}

	/** A revoked transfer of {@code fileId}: ended now. */
	private String endedTransfer(Account user, String fileId) {
		String id = transfer(user, fileId);
		assertThat(api.delete("/api/v1/transfers/" + id, user.token()).status()).isEqualTo(204);
		return id;
	}

	/** A live transfer of {@code fileId} downloaded once through a public link. */
	private String downloadedTransfer(Account user, String fileId) {
		String id = transfer(user, fileId);
		Api.Response link = api.post("/api/v1/transfers/" + id + "/share", Map.of(), user.token());
		assertThat(link.status()).as(link.body()).isEqualTo(201);
		Api.Response download = api
			.get("/api/v1/share/" + link.json().get("token").asString() + "/files/" + fileId + "/download", null);
		assertThat(download.status()).as(download.body()).isEqualTo(200);
		assertThat(count("SELECT COUNT(*) FROM share_downloads WHERE transfer_id = ?", id)).isEqualTo(1);
		return id;
	}

	private String transfer(Account user, String fileId) {
		Api.Response created = api.post("/api/v1/transfers",
				Map.of("title", "Retention " + UUID.randomUUID(), "file_ids", List.of(fileId)), user.token());
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	private long audited(String action, String objectId) {
		return count("SELECT COUNT(*) FROM audit_log WHERE action = ? AND object_id = ? AND details LIKE '%retention%'",
				action, objectId);
	}

	private String scalar(String sql, Object... params) {
		return jdbc.sql(sql).params(params).query(String.class).single();
	}

	private long count(String sql, Object... params) {
		return jdbc.sql(sql).params(params).query(Long.class).single();
	}

}
