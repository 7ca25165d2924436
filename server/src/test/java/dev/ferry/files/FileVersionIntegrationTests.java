package dev.ferry.files;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.UUID;

import dev.ferry.testing.Api;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Versions through the real API: every upload path that lands on a taken path makes a new
 * version, any version downloads with its own bytes, restore round-trips, the number kept
 * and the quota count every version.
 */
class FileVersionIntegrationTests extends FilesTestSupport {

	@Autowired
	FileScans scans;

	@Test
	void restoreRoundTripWithRealBytes() {
		Account user = newUser();
		byte[] first = bytes(300_000, 11);
		byte[] second = bytes(200_000, 12);
		JsonNode v1 = put(user, "/docs/report.bin", first);
		JsonNode v2 = put(user, "/docs/report.bin", second);
		String id = v1.get("id").asString();
		assertThat(v2.get("id").asString()).as("a new version keeps the file's id").isEqualTo(id);
		assertThat(v2.get("path").asString()).isEqualTo("/docs/report.bin");
		assertThat(v2.get("sha256").asString()).isEqualTo(sha256(second));

		JsonNode versions = api.get("/api/v1/files/" + id + "/versions", user.token()).json().get("items");
		assertThat(versions).hasSize(2);
		assertThat(versions.get(0).get("version").asInt()).isEqualTo(2);
		assertThat(versions.get(0).get("current").asBoolean()).isTrue();
		assertThat(versions.get(1).get("version").asInt()).isEqualTo(1);
		assertThat(versions.get(1).get("sha256").asString()).isEqualTo(sha256(first));
		assertThat(versions.get(1).get("size").asLong()).isEqualTo(first.length);
		assertThat(sha256(fetch(user, "/api/v1/files/" + id + "/versions/1/download"))).isEqualTo(sha256(first));
		assertThat(sha256(fetch(user, "/api/v1/files/" + id + "/versions/2/download"))).isEqualTo(sha256(second));

		Api.Response restored = api.post("/api/v1/files/" + id + "/versions/1/restore", "", user.token());
		assertThat(restored.status()).as(restored.body()).isEqualTo(200);
		assertThat(restored.json().get("sha256").asString()).isEqualTo(sha256(first));
		assertThat(sha256(fetch(user, "/api/v1/files/" + id + "/download"))).isEqualTo(sha256(first));
		JsonNode after = api.get("/api/v1/files/" + id + "/versions", user.token()).json().get("items");
		assertThat(after).extracting((v) -> v.get("version").asInt()).containsExactly(3, 2, 1);
		assertThat(after.get(1).get("sha256").asString()).isEqualTo(sha256(second));
		assertThat(api.get("/api/v1/files?path=/docs", user.token()).json().get("items")).hasSize(1);
	}

	@Test
	void everyVersionSaysWhoUploadedIt() {
		Account user = newUser();
		String id = put(user, "/who.txt", bytes(10, 1)).get("id").asString();
		put(user, "/who.txt", bytes(10, 2));
		assertThat(api.delete("/api/v1/files/" + id, user.token()).status()).isEqualTo(204);
		assertThat(api.post("/api/v1/trash/" + id + "/restore", "", user.token()).status()).isEqualTo(200);

		JsonNode versions = api.get("/api/v1/files/" + id + "/versions", user.token()).json().get("items");
		assertThat(versions).hasSize(2);
		for (JsonNode version : versions) {
			assertThat(version.get("uploaded_by").get("id").asString()).isEqualTo(user.id().toString());
			assertThat(version.get("uploaded_by").get("email").asString()).isEqualTo(user.email());
		}
		jdbc.sql("UPDATE file_versions SET uploaded_by = NULL WHERE file_id = ?").param(id).update();
		JsonNode legacy = api.get("/api/v1/files/" + id + "/versions", user.token()).json().get("items");
		assertThat(legacy.get(1).has("uploaded_by")).as("content from before uploaders were recorded").isFalse();
		assertThat(legacy.get(0).get("uploaded_by").get("email").asString()).isEqualTo(user.email());
	}

	@Test
	void unknownVersionsAndOtherUsersFilesAnswer404() {
		Account owner = newUser();
		Account other = newUser();
		String id = put(owner, "/a.txt", "one".getBytes(StandardCharsets.UTF_8)).get("id").asString();
		assertThat(api.get("/api/v1/files/" + id + "/versions", other.token()).status()).isEqualTo(404);
		assertThat(api.post("/api/v1/files/" + id + "/versions/1/restore", "", other.token()).status()).isEqualTo(404);
		Api.Response missing = api.post("/api/v1/files/" + id + "/versions/7/restore", "", owner.token());
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.json().get("type").asString()).isEqualTo("/problems/version-not-found");
		assertThat(api.get("/api/v1/files/" + id + "/versions/x/download", owner.token()).status()).isEqualTo(404);
	}

	@Test
	void renameOnConflictIsAChoiceAndABadChoiceIs400() {
		Account user = newUser();
		put(user, "/a.bin", bytes(10, 1));
		Api.Response renamed = api
			.send(api.builder("/api/v1/files/content?path=/a.bin&on_conflict=rename", user.token())
				.PUT(HttpRequest.BodyPublishers.ofByteArray(bytes(10, 2))));
		assertThat(renamed.status()).isEqualTo(201);
		assertThat(renamed.json().get("path").asString()).isEqualTo("/a (1).bin");
		Api.Response bad = api.send(api.builder("/api/v1/files/content?path=/a.bin&on_conflict=merge", user.token())
			.PUT(HttpRequest.BodyPublishers.ofByteArray(bytes(10, 3))));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.json().get("detail").asString()).contains("on_conflict");
	}

	@Test
	void quotaCountsEveryVersionAndTheAccountKeepsItsOwnNumber() {
		Account user = newUser();
		setQuota(user, 2500);
		String id = put(user, "/q.bin", bytes(1000, 1)).get("id").asString();
		put(user, "/q.bin", bytes(1000, 2));
		Api.Response over = api.send(api.builder("/api/v1/files/content?path=/q.bin", user.token())
			.PUT(HttpRequest.BodyPublishers.ofByteArray(bytes(1000, 3))));
		assertThat(over.status()).as("two versions use 2000 of 2500 bytes").isEqualTo(413);
		assertThat(over.json().get("remaining_bytes").asLong()).isEqualTo(500);

		Api.Response invalid = keep(user, "{\"keep\": 0}", adminToken());
		assertThat(invalid.status()).isEqualTo(400);
		Api.Response keep = keep(user, "{\"keep\": 2}", adminToken());
		assertThat(keep.status()).as(keep.body()).isEqualTo(200);
		assertThat(keep.json().get("effective").asInt()).isEqualTo(2);
		assertThat(keep(user, "{\"keep\": 2}", user.token()).status()).isEqualTo(403);
		setQuota(user, 100_000);
		put(user, "/q.bin", bytes(1000, 4));
		put(user, "/q.bin", bytes(1000, 5));
		JsonNode versions = api.get("/api/v1/files/" + id + "/versions", user.token()).json().get("items");
		assertThat(versions).extracting((v) -> v.get("version").asInt()).containsExactly(4, 3);
		assertThat(
				jdbc.sql("SELECT COUNT(*) FROM file_versions WHERE file_id = ?").param(id).query(Long.class).single())
			.isEqualTo(1);
	}

	@Test
	void multipartAndTusMakeVersionsAndAFailedMultipartPutsTheVersionBack() throws IOException {
		Account user = newUser();
		String id = put(user, "/m/data.bin", bytes(500, 1)).get("id").asString();
		Path dir = tempDir();
		byte[] second = bytes(700, 2);
		Files.write(dir.resolve("data.bin"), second);
		Curl ok = curl(dir, "-H", "Authorization: Bearer " + user.token(), "-F", "path=/m", "-F", "f=@data.bin",
				url("/api/v1/files"), "-w", "\n%{http_code}");
		assertThat(ok.out()).endsWith("\n201").contains("\"id\":\"" + id + "\"");

		setQuota(user, 500 + 700 + 700 + 100);
		Files.write(dir.resolve("big.bin"), bytes(5000, 3));
		Curl failed = curl(dir, "-H", "Authorization: Bearer " + user.token(), "-F", "path=/m", "-F", "f=@data.bin",
				"-F", "g=@big.bin", url("/api/v1/files"), "-w", "\n%{http_code}");
		assertThat(failed.out()).endsWith("\n413");
		JsonNode versions = api.get("/api/v1/files/" + id + "/versions", user.token()).json().get("items");
		assertThat(versions).extracting((v) -> v.get("version").asInt()).containsExactly(2, 1);
		assertThat(sha256(fetch(user, "/api/v1/files/" + id + "/download"))).isEqualTo(sha256(second));

		setQuota(user, 100_000);
		byte[] third = bytes(900, 4);
		Api.Response tus = tus(user, "/m", "data.bin", third);
		assertThat(tus.headers().get("link")).as("the upload links to the file it became a version of")
			.containsExactly("</api/v1/files/" + id + ">; rel=\"file\"");
		JsonNode file = api.get("/api/v1/files/" + id, user.token()).json();
		assertThat(file.get("sha256").asString()).isEqualTo(sha256(third));
		assertThat(api.get("/api/v1/files/" + id + "/versions", user.token()).json().get("items")).hasSize(3);
	}

	@Test
	void aScanOfTheContentBeforeDoesNotSettleANewVersion() {
		Account user = newUser();
		String id = put(user, "/scan.bin", bytes(10, 1)).get("id").asString();
		String oldBlob = jdbc.sql("SELECT blob_id FROM files WHERE id = ?").param(id).query(String.class).single();
		put(user, "/scan.bin", bytes(10, 2));
		jdbc.sql("UPDATE files SET scan_status = 'pending' WHERE id = ?").param(id).update();
		scans.settle(
				new FileScans.ScanJob(UUID.fromString(id), user.id(), "/scan.bin", UUID.fromString(oldBlob), 10, 0),
				ScanStatus.CLEAN, null);
		assertThat(jdbc.sql("SELECT scan_status FROM files WHERE id = ?").param(id).query(String.class).single())
			.as("the new version still waits for its own scan")
			.isEqualTo("pending");
	}

	@Test
	void deletingAFileShredsEveryVersion() {
		Account user = newUser();
		String id = put(user, "/gone.bin", bytes(100, 1)).get("id").asString();
		put(user, "/gone.bin", bytes(100, 2));
		String oldBlob = jdbc.sql("SELECT blob_id FROM file_versions WHERE file_id = ?")
			.param(id)
			.query(String.class)
			.single();
		assertThat(api.delete("/api/v1/files/" + id + "?permanent=true", user.token()).status()).isEqualTo(204);
		assertThat(
				jdbc.sql("SELECT COUNT(*) FROM file_versions WHERE file_id = ?").param(id).query(Long.class).single())
			.isZero();
		assertThat(keyed(oldBlob)).as("the old version's data key is destroyed").isZero();
	}

	@Test
	void aRestoreReservesItsRoomWhileItCopiesAndGivesItBack() {
		Account user = newUser();
		setQuota(user, 2500);
		String id = put(user, "/room.bin", bytes(1000, 6)).get("id").asString();
		put(user, "/room.bin", bytes(1000, 7));

		Api.Response over = api.post("/api/v1/files/" + id + "/versions/1/restore", "", user.token());
		assertThat(over.status()).as("two versions use 2000 of 2500 bytes").isEqualTo(413);
		assertThat(over.json().get("remaining_bytes").asLong()).isEqualTo(500);
		setQuota(user, 10_000);
		assertThat(api.post("/api/v1/files/" + id + "/versions/1/restore", "", user.token()).status()).isEqualTo(200);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM quota_reservations WHERE owner_id = ?")
			.param(user.id().toString())
			.query(Long.class)
			.single()).as("the reservation went once the version was in").isZero();
	}

	private Api.Response keep(Account user, String body, String token) {
		return api.send(api.builder("/api/v1/admin/users/" + user.id() + "/file-versions", token)
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(body)));
	}

	private Api.Response tus(Account user, String folder, String name, byte[] content) {
		String metadata = "filename " + b64(name) + ",path " + b64(folder);
		Api.Response created = api.send(api.builder("/api/v1/uploads", user.token())
			.header("Tus-Resumable", "1.0.0")
			.header("Upload-Length", Long.toString(content.length))
			.header("Upload-Metadata", metadata)
			.POST(HttpRequest.BodyPublishers.noBody()));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String location = created.headers().get("location").get(0);
		Api.Response patched = api.send(api.builder(location, user.token())
			.header("Tus-Resumable", "1.0.0")
			.header("Content-Type", "application/offset+octet-stream")
			.header("Upload-Offset", "0")
			.method("PATCH", HttpRequest.BodyPublishers.ofByteArray(content)));
		assertThat(patched.status()).as(patched.body()).isEqualTo(204);
		return patched;
	}

	private static String b64(String value) {
		return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
	}

}
