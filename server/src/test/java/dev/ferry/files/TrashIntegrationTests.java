package dev.ferry.files;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.ferry.testing.Api;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The trash through the real API: deleting moves a file aside with its bytes and
 * versions, restoring brings it back under its id, emptying and the retention sweep
 * crypto-shred it, and only the owner sees their trash.
 */
class TrashIntegrationTests extends FilesTestSupport {

	@Autowired
	TrashShredder shredder;

	@Test
	void deleteMovesToTheTrashAndRestoreBringsTheSameFileBack() {
		Account user = newUser();
		byte[] content = bytes(200_000, 1);
		String id = put(user, "/docs/a.bin", content).get("id").asString();
		put(user, "/docs/a.bin", bytes(1000, 2));
		assertThat(api.delete("/api/v1/files/" + id, user.token()).status()).isEqualTo(204);
		assertThat(api.get("/api/v1/files/" + id, user.token()).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/files", user.token()).json().get("items")).isEmpty();

		JsonNode trash = api.get("/api/v1/trash", user.token()).json().get("items");
		assertThat(trash).hasSize(1);
		assertThat(trash.get(0).get("id").asString()).isEqualTo(id);
		assertThat(trash.get(0).get("path").asString()).isEqualTo("/docs/a.bin");
		Instant trashed = Instant.parse(trash.get(0).get("trashed_at").asString());
		assertThat(Instant.parse(trash.get(0).get("purge_at").asString())).isEqualTo(trashed.plus(Duration.ofDays(30)));
		Account other = newUser();
		assertThat(api.get("/api/v1/trash", other.token()).json().get("items")).isEmpty();
		assertThat(api.post("/api/v1/trash/" + id + "/restore", "", other.token()).status()).isEqualTo(404);

		put(user, "/docs/a.bin", bytes(10, 3));
		Api.Response restored = api.post("/api/v1/trash/" + id + "/restore", "", user.token());
		assertThat(restored.status()).as(restored.body()).isEqualTo(200);
		assertThat(restored.json().get("id").asString()).isEqualTo(id);
		assertThat(restored.json().get("path").asString()).as("the path was taken meanwhile")
			.isEqualTo("/docs/a (1).bin");
		assertThat(api.get("/api/v1/files/" + id + "/versions", user.token()).json().get("items")).hasSize(2);
		assertThat(sha256(fetch(user, "/api/v1/files/" + id + "/versions/1/download"))).isEqualTo(sha256(content));
		assertThat(api.get("/api/v1/trash", user.token()).json().get("items")).isEmpty();
	}

	/**
	 * Found by CursorsFuzzTests: a cursor naming no deleted file of the caller answered
	 * 404 "no such file"; like every list's foreign cursor it is a 400 now.
	 */
	@Test
	void aCursorThatNamesNoDeletedFileIsA400() {
		Account user = newUser();
		String first = put(user, "/c1.bin", bytes(10, 1)).get("id").asString();
		String second = put(user, "/c2.bin", bytes(10, 2)).get("id").asString();
		api.delete("/api/v1/files/" + first, user.token());
		api.delete("/api/v1/files/" + second, user.token());
		JsonNode page = api.get("/api/v1/trash?limit=1", user.token()).json();
		String next = page.get("next_cursor").asString();
		assertThat(api.get("/api/v1/trash?limit=1&cursor=" + next, user.token()).json().get("items")).hasSize(1);
		for (String cursor : List.of("MTcwMD", UUID.randomUUID().toString(), "")) {
			Api.Response response = api.get("/api/v1/trash?cursor=" + cursor, user.token());
			if (cursor.isEmpty()) {
				assertThat(response.status()).isEqualTo(200);
				continue;
			}
			assertThat(response.status()).as(response.body()).isEqualTo(400);
			assertThat(response.contentType()).startsWith("application/problem+json");
			assertThat(response.json().get("detail").asString()).contains("cursor");
		}
		Account other = newUser();
		assertThat(api.get("/api/v1/trash?cursor=" + next, other.token()).status()).isEqualTo(400);
	}

	@Test
	void trashCountsAgainstTheQuotaUntilEmptiedWhichShredsEveryVersion() {
		Account user = newUser();
		setQuota(user, 1500);
		String id = put(user, "/q.bin", bytes(500, 1)).get("id").asString();
		put(user, "/q.bin", bytes(500, 2));
		String oldBlob = jdbc.sql("SELECT blob_id FROM file_versions WHERE file_id = ?")
			.param(id)
			.query(String.class)
			.single();
		assertThat(api.delete("/api/v1/files/" + id, user.token()).status()).isEqualTo(204);
		Api.Response full = api.send(api.builder("/api/v1/files/content?path=/new.bin", user.token())
			.PUT(java.net.http.HttpRequest.BodyPublishers.ofByteArray(bytes(600, 3))));
		assertThat(full.status()).as("the trash still holds 1000 bytes").isEqualTo(413);

		Api.Response emptied = api.delete("/api/v1/trash", user.token());
		assertThat(emptied.status()).isEqualTo(200);
		assertThat(emptied.json().get("purged").asInt()).isEqualTo(1);
		assertThat(keyed(oldBlob)).as("the older version's data key is destroyed").isZero();
		assertThat(put(user, "/new.bin", bytes(600, 3)).get("size").asLong()).isEqualTo(600);
	}

	@Test
	void theSweepShredsWhatOutlivedTheRetentionAndPermanentSkipsTheTrash() {
		Account user = newUser();
		String old = put(user, "/old.bin", bytes(100, 1)).get("id").asString();
		String fresh = put(user, "/fresh.bin", bytes(100, 2)).get("id").asString();
		String gone = put(user, "/gone.bin", bytes(100, 3)).get("id").asString();
		String goneBlob = blobOf("files", gone);
		assertThat(api.delete("/api/v1/files/" + gone + "?permanent=true", user.token()).status()).isEqualTo(204);
		assertThat(keyed(goneBlob)).isZero();
		assertThat(api.get("/api/v1/trash", user.token()).json().get("items")).isEmpty();

		assertThat(api.delete("/api/v1/files/" + old, user.token()).status()).isEqualTo(204);
		assertThat(api.delete("/api/v1/files/" + fresh, user.token()).status()).isEqualTo(204);
		String oldBlob = blobOf("trashed_files", old);
		jdbc.sql("UPDATE trashed_files SET trashed_at = ? WHERE id = ?")
			.params(Instant.now().minus(Duration.ofDays(31)).toEpochMilli(), old)
			.update();
		shredder.sweep();
		JsonNode trash = api.get("/api/v1/trash", user.token()).json().get("items");
		assertThat(trash).extracting((f) -> f.get("id").asString()).containsExactly(fresh);
		assertThat(keyed(oldBlob)).isZero();
		assertThat(auditCount(old)).isEqualTo(1);
	}

	private long auditCount(String fileId) {
		return jdbc.sql(
				"SELECT COUNT(*) FROM audit_log WHERE action = 'file.purged' AND object_id = ? AND actor_type = 'system'")
			.param(fileId)
			.query(Long.class)
			.single();
	}

	private String blobOf(String table, String id) {
		return jdbc.sql("SELECT blob_id FROM " + table + " WHERE id = ?").param(id).query(String.class).single();
	}

}
