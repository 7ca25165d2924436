package dev.ferry.files;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.ferry.storage.BlobNotFoundException;
import dev.ferry.storage.BlobStorage;
import dev.ferry.testing.Api;
import io.micrometer.core.instrument.MeterRegistry;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FilesApiIntegrationTests extends FilesTestSupport {

	@Autowired
	BlobStorage storage;

	@Autowired
	MeterRegistry meters;

	@Test
	void listingFiltersAndPagesThroughEverythingOnce() {
		Account user = newUser();
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			ids.add(put(user, "/walk/" + (i % 2 == 0 ? "sub/" : "") + "File-" + i + ".txt", bytes(i * 10, i)).get("id")
				.asString());
		}
		put(user, "/other/picture.png", new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' });
		for (String sort : List.of("name", "size", "created_at")) {
			for (String order : List.of("asc", "desc")) {
				Set<String> seen = new HashSet<>();
				String cursor = null;
				int pages = 0;
				do {
					JsonNode page = list(user, "path=/walk&recursive=true&limit=5&sort=" + sort + "&order=" + order
							+ ((cursor != null) ? "&cursor=" + cursor : ""));
					page.get("items").forEach((item) -> assertThat(seen.add(item.get("id").asString())).isTrue());
					cursor = page.get("next_cursor").isNull() ? null : page.get("next_cursor").asString();
					pages++;
					if (pages == 1) {
						put(user, "/walk/inserted-" + sort + order + ".txt", bytes(5, 99));
					}
				}
				while (cursor != null);
				assertThat(seen).containsAll(ids);
				assertThat(pages).isGreaterThanOrEqualTo(3);
			}
		}
		assertThat(list(user, "path=/walk&limit=50").get("items"))
			.allSatisfy((item) -> assertThat(item.get("folder").asString()).isEqualTo("/walk"));
		assertThat(names(list(user, "name=file-1&path=/walk&recursive=true"))).containsExactly("File-1.txt",
				"File-10.txt", "File-11.txt");
		assertThat(names(list(user, "type=image/"))).containsExactly("picture.png");
		assertThat(names(list(user, "min_size=100&max_size=110&sort=size"))).containsExactly("File-10.txt",
				"File-11.txt");
		assertThat(list(user, "created_after=2000-01-01T00:00:00Z&created_before=2001-01-01T00:00:00Z").get("items"))
			.isEmpty();
		JsonNode item = list(user, "name=picture").get("items").get(0);
		assertThat(item.get("path").asString()).isEqualTo("/other/picture.png");
		assertThat(item.get("content_type").asString()).isEqualTo("image/png");
		assertThat(item.has("sha256") && item.has("created_at") && item.has("modified_at")).isTrue();
	}

	@Test
	void badListingParametersAreClearProblems() {
		Account user = newUser();
		assertThat(api.get("/api/v1/files?limit=501", user.token()).json().get("detail").asString())
			.contains("'limit'");
		assertThat(api.get("/api/v1/files?sort=owner", user.token()).status()).isEqualTo(400);
		assertThat(api.get("/api/v1/files?created_after=yesterday", user.token()).status()).isEqualTo(400);
		assertThat(api.get("/api/v1/files?cursor=garbage", user.token()).status()).isEqualTo(400);
		assertThat(api.get("/api/v1/files?path=/../x", user.token()).status()).isEqualTo(400);
	}

	@Test
	void renameMoveAndDelete() {
		Account user = newUser();
		String id = put(user, "/a/one.txt", bytes(10, 1)).get("id").asString();
		put(user, "/b/two.txt", bytes(10, 2));
		Api.Response renamed = api.patch("/api/v1/files/" + id, Map.of("name", "uno.txt"), user.token());
		assertThat(renamed.status()).isEqualTo(200);
		assertThat(renamed.json().get("path").asString()).isEqualTo("/a/uno.txt");
		Api.Response moved = api.patch("/api/v1/files/" + id, Map.of("folder", "/c/d"), user.token());
		assertThat(moved.json().get("path").asString()).isEqualTo("/c/d/uno.txt");
		Api.Response taken = api.patch("/api/v1/files/" + id, Map.of("folder", "/b", "name", "two.txt"), user.token());
		assertThat(taken.status()).isEqualTo(409);
		assertThat(taken.json().get("type").asString()).isEqualTo("/problems/path-taken");
		assertThat(api.patch("/api/v1/files/" + id, Map.of("name", "../x"), user.token()).status()).isEqualTo(400);
		assertThat(api.get("/api/v1/files/" + id, user.token()).json().get("path").asString())
			.isEqualTo("/c/d/uno.txt");
		assertThat(api.delete("/api/v1/files/" + id, user.token()).status()).isEqualTo(204);
		assertThat(api.get("/api/v1/files/" + id, user.token()).status()).isEqualTo(404);
		assertThat(api.delete("/api/v1/files/" + id, user.token()).status()).isEqualTo(404);
		assertThat(auditCount("file.deleted", id, "success")).isEqualTo(1);
		assertThat(auditCount("file.deleted", id, "failure")).isEqualTo(1);
		assertThat(auditCount("file.moved", id, "success")).isEqualTo(1);
		assertThat(auditCount("file.moved", id, "failure")).isEqualTo(1);
		assertThat(auditCount("file.renamed", id, "success")).isEqualTo(1);
	}

	@Test
	void anotherUsersFileLooksLikeNoFileAtAll() {
		Account owner = newUser();
		Account stranger = newUser();
		String id = put(owner, "/private.txt", bytes(10, 3)).get("id").asString();
		String admin = adminToken();
		for (String token : List.of(stranger.token(), admin)) {
			assertNotFound(api.get("/api/v1/files/" + id, token));
			assertNotFound(api.patch("/api/v1/files/" + id, Map.of("name", "mine.txt"), token));
			assertNotFound(api.delete("/api/v1/files/" + id, token));
			assertNotFound(api.get("/api/v1/files/" + id + "/download", token));
			assertThat(api
				.send(api.builder("/api/v1/files/" + id + "/download", token)
					.method("HEAD", HttpRequest.BodyPublishers.noBody()))
				.status()).isEqualTo(404);
			assertThat(list(token, "name=private").get("items")).isEmpty();
		}
		assertNotFound(api.get("/api/v1/files/not-a-uuid", stranger.token()));
		assertNotFound(api.get("/api/v1/files/not-a-uuid/download", stranger.token()));
		assertThat(api.get("/api/v1/files/" + id, owner.token()).json().get("name").asString())
			.isEqualTo("private.txt");
		assertThat(auditCount("file.download", id, "failure")).isGreaterThanOrEqualTo(2);
	}

	@Test
	void downloadsAreAuditedWithTheBytesServed() {
		Account user = newUser();
		String id = put(user, "/audited.bin", bytes(1000, 4)).get("id").asString();
		double before = meters.counter("ferry.bytes.out", "channel", "api").count();
		api.send(api.builder("/api/v1/files/" + id + "/download", user.token()).header("Range", "bytes=0-99"));
		// the record is written once the body is out, so it may trail the client's last
		// byte
		Awaitility.await().until(() -> auditCount("file.download", id, "success") == 1);
		String details = jdbc.sql(
				"SELECT details FROM audit_log WHERE action = 'file.download' AND object_id = ? AND outcome = 'success'")
			.param(id)
			.query(String.class)
			.single();
		assertThat(meters.counter("ferry.bytes.out", "channel", "api").count() - before).isGreaterThanOrEqualTo(100);
		assertThat(details).contains("\"bytes\":100").contains("bytes=0-99").contains("\"completed\":true");
	}

	@Test
	void deletingAnAccountShredsItsFiles() {
		Account user = newUser();
		String id = put(user, "/gone.bin", bytes(100, 5)).get("id").asString();
		UUID blobId = UUID
			.fromString(jdbc.sql("SELECT blob_id FROM files WHERE id = ?").param(id).query(String.class).single());
		assertThat(api.delete("/api/v1/admin/users/" + user.id(), adminToken()).status()).isEqualTo(204);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM files WHERE owner_id = ?")
			.param(user.id().toString())
			.query(Long.class)
			.single()).isZero();
		assertThatThrownBy(() -> storage.openRange(blobId, 0, 100)).isInstanceOf(BlobNotFoundException.class);
		assertThat(auditCount("file.deleted", id, "success")).isEqualTo(1);
	}

	private long auditCount(String action, String id, String outcome) {
		return jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = ? AND object_id = ? AND outcome = ?")
			.params(action, id, outcome)
			.query(Long.class)
			.single();
	}

	private static void assertNotFound(Api.Response response) {
		assertThat(response.status()).isEqualTo(404);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.body()).doesNotContain("private");
	}

	private JsonNode list(Account user, String query) {
		return list(user.token(), query);
	}

	private JsonNode list(String token, String query) {
		Api.Response response = api.get("/api/v1/files?" + query, token);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	private static List<String> names(JsonNode page) {
		List<String> names = new ArrayList<>();
		page.get("items").forEach((item) -> names.add(item.get("name").asString()));
		return names;
	}

}
