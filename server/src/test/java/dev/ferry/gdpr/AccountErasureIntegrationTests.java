package dev.ferry.gdpr;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.ferry.testing.Api;
import dev.ferry.testing.IntegrationTest;
import dev.ferry.testing.TestAccounts;
import dev.ferry.testing.TestAccounts.Account;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Erasure through the real API: {@code DELETE /api/v1/me} and the admin's {@code DELETE
 * /api/v1/admin/users/{id}} leave no file key, no stored part, no token and no email in
 * the audit trail, whose chain still verifies.
 */
class AccountErasureIntegrationTests extends IntegrationTest {

	/** The smallest PATCH that does not finish an upload. */
	private static final int MIB = 1024 * 1024;

	@Autowired
	JdbcClient jdbc;

	@Test
	void erasingYourOwnAccountShredsFilesDeletesTokensAndKeepsTheChainVerifiable() throws Exception {
		String admin = adminToken();
		Account user = new TestAccounts(api, admin).user();
		Api.Response wrongPassword = api.post("/api/v1/auth/login",
				Map.of("email", user.email(), "password", "not-the-password"), null);
		assertThat(wrongPassword.status()).isEqualTo(401);
		String fileId = upload(user, "erase-me.txt", "the plaintext of an account that will be erased");
		String blobId = jdbc.sql("SELECT blob_id FROM files WHERE id = ?").param(fileId).query(String.class).single();
		List<String> storeKeys = jdbc.sql("SELECT store_key FROM blob_parts WHERE blob_id = ?")
			.param(blobId)
			.query(String.class)
			.list();
		assertThat(storeKeys).isNotEmpty();
		Api.Response transfer = api.post("/api/v1/transfers",
				Map.of("title", "to be erased", "file_ids", List.of(fileId), "link", Map.of()), user.token());
		assertThat(transfer.status()).as(transfer.body()).isEqualTo(201);
		Api.Response request = api.post("/api/v1/upload-requests",
				Map.of("title", "Inbox", "max_files", 5, "max_total_bytes", 1_000_000), user.token());
		assertThat(request.status()).as(request.body()).isEqualTo(201);
		Api.Response key = api.post("/api/v1/auth/api-keys", Map.of("name", "k", "scopes", List.of("read", "write")),
				user.token());
		assertThat(key.status()).isEqualTo(201);
		String apiKey = key.json().get("key").asString();
		String unfinishedBlob = unfinishedUpload(user);
		// Expired, its bytes not yet destroyed by the cleanup (a backlog,
		// a store outage).
		String expiredBlob = unfinishedUpload(user);
		jdbc.sql("UPDATE uploads SET status = 'expired' WHERE blob_id = ?").param(expiredBlob).update();
		assertThat(count("SELECT COUNT(*) FROM previews WHERE owner_id = ?", user.id().toString())).isOne();

		assertThat(erase(apiKey, user.email()).status()).as("an API key cannot erase the account").isEqualTo(403);
		Api.Response unconfirmed = erase(user.token(), "someone@else.test");
		assertThat(unconfirmed.status()).isEqualTo(400);
		assertThat(unconfirmed.contentType()).startsWith("application/problem+json");
		assertThat(unconfirmed.body()).contains("confirm");
		assertThat(count("SELECT COUNT(*) FROM users WHERE id = ?", user.id().toString())).isEqualTo(1);

		long before = count("SELECT MAX(seq) FROM audit_log");
		Api.Response erased = erase(user.token(), user.email());
		assertThat(erased.status()).as(erased.body()).isEqualTo(204);

		String id = user.id().toString();
		assertThat(api.get("/api/v1/me", user.token()).status()).isEqualTo(401);
		assertThat(api.get("/api/v1/me", apiKey).status()).isEqualTo(401);
		for (String table : List.of("sessions", "api_keys")) {
			assertThat(count("SELECT COUNT(*) FROM " + table + " WHERE user_id = ?", id)).as(table).isZero();
		}
		assertThat(count("SELECT COUNT(*) FROM users WHERE id = ?", id)).isZero();
		assertThat(count("SELECT COUNT(*) FROM files WHERE owner_id = ?", id)).isZero();
		assertThat(count("SELECT COUNT(*) FROM transfers WHERE owner_id = ?", id)).isZero();
		assertThat(count("SELECT COUNT(*) FROM upload_requests WHERE owner_id = ?", id)).isZero();
		assertThat(count("SELECT COUNT(*) FROM previews WHERE owner_id = ?", id)).as("previews, not left to the sweep")
			.isZero();
		assertThat(count("SELECT COUNT(*) FROM blobs WHERE id = ? AND wrapped_key IS NOT NULL", blobId)).isZero();
		assertThat(count("SELECT COUNT(*) FROM blob_parts WHERE blob_id = ?", blobId)).isZero();
		assertThat(count("SELECT COUNT(*) FROM uploads WHERE owner_id = ?", id)).isZero();
		assertThat(count("SELECT COUNT(*) FROM blobs WHERE id = ? AND wrapped_key IS NOT NULL", unfinishedBlob))
			.as("an unfinished upload's bytes are shredded too")
			.isZero();
		assertThat(count("SELECT COUNT(*) FROM blobs WHERE id = ? AND wrapped_key IS NOT NULL", expiredBlob))
			.as("and an expired one's the cleanup has not reached")
			.isZero();
		for (String storeKey : storeKeys) {
			assertThat(Files.exists(DATA_DIR.resolve("blobs").resolve(storeKey))).as(storeKey).isFalse();
		}
		assertNoTraceInTheTrail(user);
		assertThat(count("SELECT COUNT(*) FROM audit_log WHERE seq > ? AND action = 'account.erase' AND outcome ="
				+ " 'success' AND object_id LIKE 'erased-%' AND actor_id = object_id", before))
			.isEqualTo(1);
		assertChainVerifies(admin);
	}

	@Test
	void anAdminsDeletionIsAnErasureToo() {
		String admin = adminToken();
		Account user = new TestAccounts(api, admin).user();
		upload(user, "notes.txt", "personal notes");
		Api.Response group = api.post("/api/v1/admin/groups", Map.of("name", "erasure-" + user.id()), admin);
		assertThat(group.status()).as(group.body()).isEqualTo(201);
		Api.Response member = api.post("/api/v1/admin/groups/" + group.json().get("id").asString() + "/members",
				Map.of("user_id", user.id().toString()), admin);
		assertThat(member.status()).as(member.body()).isEqualTo(200);
		assertThat(count("SELECT COUNT(*) FROM audit_log WHERE action = 'group.member_added' AND details LIKE ?",
				"%" + user.id() + "%"))
			.as("the membership names the account in its details")
			.isEqualTo(1);
		String alert = UUID.randomUUID().toString();
		jdbc.sql("INSERT INTO alerts (id, kind, subject, detail, created_at) VALUES (?, ?, ?, ?, ?)")
			.params(alert, "mass_deletion", "user:" + user.id(),
					"The account " + user.email() + " deleted 500 files; jo" + user.email() + " did not.", 0L)
			.update();
		jdbc.sql("INSERT INTO mail_outbox (id, recipient, subject, text_body, html_body, status, attempts,"
				+ " next_attempt_at, claimed_until, created_at, sent_at) VALUES (?, ?, '', '', '', 'sent', 1, 0, 0, 0, 0)")
			.params(UUID.randomUUID().toString(), user.email().toUpperCase(java.util.Locale.ROOT))
			.update();
		long before = count("SELECT MAX(seq) FROM audit_log");
		assertThat(api.delete("/api/v1/admin/users/" + user.id(), admin).status()).isEqualTo(204);
		assertThat(count("SELECT COUNT(*) FROM mail_outbox WHERE LOWER(recipient) = ?", user.email()))
			.as("the outbox forgets the address")
			.isZero();
		assertThat(jdbc.sql("SELECT subject || ' ' || detail FROM alerts WHERE id = ?")
			.param(alert)
			.query(String.class)
			.single())
			.isEqualTo("user:[erased account] The account [erased account] deleted 500 files; jo" + user.email()
					+ " did not.");

		assertNoTraceInTheTrail(user);
		assertThat(count("SELECT COUNT(*) FROM audit_log WHERE seq > ? AND action = 'admin.user_delete' AND object_id"
				+ " LIKE 'erased-%' AND actor_label = ?", before, ADMIN_EMAIL))
			.isEqualTo(1);
		assertChainVerifies(admin);
	}

	/** A tus upload with half of its bytes sent; the id of the blob that holds them. */
	private String unfinishedUpload(Account user) {
		Api.Response created = api.send(api.builder("/api/v1/uploads", user.token())
			.header("Tus-Resumable", "1.0.0")
			.header("Upload-Length", Integer.toString(2 * MIB))
			.header("Upload-Metadata", "filename " + Base64.getEncoder().encodeToString("half.txt".getBytes()))
			.POST(HttpRequest.BodyPublishers.noBody()));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		Api.Response patched = api.send(api.builder(created.header("Location"), user.token())
			.header("Tus-Resumable", "1.0.0")
			.header("Content-Type", "application/offset+octet-stream")
			.header("Upload-Offset", "0")
			.method("PATCH", HttpRequest.BodyPublishers.ofByteArray(new byte[MIB])));
		assertThat(patched.status()).as(patched.body()).isEqualTo(204);
		String location = created.header("Location");
		String blob = jdbc.sql("SELECT blob_id FROM uploads WHERE id = ?")
			.param(location.substring(location.lastIndexOf('/') + 1))
			.query(String.class)
			.single();
		assertThat(count("SELECT COUNT(*) FROM blobs WHERE id = ? AND wrapped_key IS NOT NULL", blob)).isEqualTo(1);
		return blob;
	}

	private void assertNoTraceInTheTrail(Account user) {
		String id = user.id().toString();
		String email = "%" + user.email() + "%";
		assertThat(count("SELECT COUNT(*) FROM audit_log WHERE actor_id = ? OR object_id = ? OR details LIKE ?", id, id,
				"%" + id + "%"))
			.isZero();
		assertThat(count(
				"SELECT COUNT(*) FROM audit_log WHERE actor_label LIKE ? OR details LIKE ?" + " OR user_agent LIKE ?",
				email, email, email))
			.isZero();
		assertThat(count("SELECT COUNT(*) FROM audit_log WHERE actor_id LIKE 'erased-%'")).isPositive();
	}

	private void assertChainVerifies(String admin) {
		JsonNode verified = api.get("/api/v1/admin/audit-logs/verify", admin).json();
		assertThat(verified.get("valid").asBoolean()).as(verified.toString()).isTrue();
		assertThat(count("SELECT COUNT(*) FROM audit_redactions")).isPositive();
	}

	private Api.Response erase(String token, String confirm) {
		return api.send(api.builder("/api/v1/me", token)
			.header("Content-Type", "application/json")
			.method("DELETE", HttpRequest.BodyPublishers.ofString("{\"confirm\":\"" + confirm + "\"}")));
	}

	private String upload(Account user, String name, String content) {
		Api.Response uploaded = api
			.send(api.builder("/api/v1/files/content?path=/" + name + "-" + UUID.randomUUID(), user.token())
				.PUT(HttpRequest.BodyPublishers.ofString(content, StandardCharsets.UTF_8)));
		assertThat(uploaded.status()).as(uploaded.body()).isIn(200, 201);
		return uploaded.json().get("id").asString();
	}

	private long count(String sql, Object... params) {
		return jdbc.sql(sql).params(params).query(Long.class).single();
	}

}
