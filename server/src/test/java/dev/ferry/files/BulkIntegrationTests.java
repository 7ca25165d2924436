package dev.ferry.files;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import dev.ferry.testing.Api;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code POST /api/v1/files/bulk} through the real API: a large move runs as a job whose
 * progress any request can read, conflicts are kept, replaced or skipped, and delete, tag
 * and zip act on many files at once.
 */
class BulkIntegrationTests extends FilesTestSupport {

	@Test
	void bulkMoveOfAThousandFilesRunsAsAJob() {
		Account user = newUser();
		List<String> ids = uploadMany(user, "/inbox", 1000);
		Api.Response started = bulk(user, Map.of("operation", "move", "ids", ids, "folder", "/archive/2026"));
		assertThat(started.status()).as(started.body()).isEqualTo(202);
		String location = started.headers().get("location").get(0);
		assertThat(started.json().get("total").asInt()).isEqualTo(1000);

		await().atMost(Duration.ofSeconds(120))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> "done".equals(api.get(location, user.token()).json().get("status").asString()));
		JsonNode job = api.get(location, user.token()).json();
		assertThat(job.get("done").asInt()).isEqualTo(1000);
		assertThat(job.get("failed").asInt()).isZero();
		assertThat(count(user, "/archive/2026")).isEqualTo(1000);
		assertThat(count(user, "/inbox")).isZero();
		assertThat(api.get(location, newUser().token()).status()).as("only the owner sees the job").isEqualTo(404);
	}

	/**
	 * An account has at most three background jobs running; a job silent for ten minutes
	 * (its node died) no longer counts. Small sets finish in the request and never wait.
	 */
	@Test
	void anAccountRunsAtMostThreeBackgroundJobs() {
		Account user = newUser();
		long now = System.currentTimeMillis();
		runningJob(user, now);
		runningJob(user, now);
		runningJob(user, now - Duration.ofHours(1).toMillis());
		List<String> many = IntStream.range(0, BulkService.INLINE + 1)
			.mapToObj((i) -> UUID.randomUUID().toString())
			.toList();
		Map<String, Object> tagMany = Map.of("operation", "tag", "ids", many, "tags", List.of("x"));

		assertThat(bulk(user, tagMany).status()).as("two running, one stalled").isEqualTo(202);
		runningJob(user, now);
		runningJob(user, now);
		Api.Response refused = bulk(user, tagMany);

		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.json().get("type").asString()).isEqualTo("/problems/too-many-jobs");
		String small = put(user, "/jobs/a.txt", bytes(10, 4)).get("id").asString();
		assertThat(bulk(user, Map.of("operation", "tag", "ids", List.of(small), "tags", List.of("x"))).status())
			.isEqualTo(200);
		assertThat(jdbc
			.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'files.bulk.started' AND outcome = 'failure'"
					+ " AND actor_id = ? AND details LIKE '%too_many_jobs%'")
			.param(user.id().toString())
			.query(Long.class)
			.single()).isOne();
	}

	private void runningJob(Account user, long updatedAt) {
		jdbc.sql("INSERT INTO file_jobs (id, owner_id, operation, status, total, done, skipped, failed, created_at,"
				+ " updated_at) VALUES (?, ?, 'tag', 'running', 500, 0, 0, 0, ?, ?)")
			.params(UUID.randomUUID().toString(), user.id().toString(), updatedAt, updatedAt)
			.update();
	}

	@Test
	void moveConflictsAreKeptReplacedOrSkipped() {
		Account user = newUser();
		String keep = put(user, "/a/k.txt", bytes(10, 1)).get("id").asString();
		String replace = put(user, "/a/r.txt", bytes(10, 2)).get("id").asString();
		String skip = put(user, "/a/s.txt", bytes(10, 3)).get("id").asString();
		put(user, "/b/k.txt", bytes(10, 4));
		String replaced = put(user, "/b/r.txt", bytes(10, 5)).get("id").asString();
		put(user, "/b/s.txt", bytes(10, 6));

		assertThat(bulk(user,
				Map.of("operation", "move", "ids", List.of(keep), "folder", "/b", "on_conflict", "keep_both"))
			.json()
			.get("done")
			.asInt()).isEqualTo(1);
		assertThat(pathOf(user, keep)).isEqualTo("/b/k (1).txt");
		bulk(user, Map.of("operation", "move", "ids", List.of(replace), "folder", "/b", "on_conflict", "replace"));
		assertThat(pathOf(user, replace)).isEqualTo("/b/r.txt");
		assertThat(api.get("/api/v1/trash", user.token()).json().get("items").get(0).get("id").asString())
			.isEqualTo(replaced);
		JsonNode skipped = bulk(user,
				Map.of("operation", "move", "ids", List.of(skip), "folder", "/b", "on_conflict", "skip"))
			.json();
		assertThat(skipped.get("skipped").asInt()).isEqualTo(1);
		assertThat(pathOf(user, skip)).isEqualTo("/a/s.txt");
	}

	@Test
	void deleteTagAndZipManyFilesWhileOthersFilesFail() throws IOException {
		Account user = newUser();
		Account other = newUser();
		byte[] one = bytes(70_000, 1);
		byte[] two = "second".getBytes(StandardCharsets.UTF_8);
		String a = put(user, "/x/same.txt", one).get("id").asString();
		String b = put(user, "/y/same.txt", two).get("id").asString();
		String c = put(user, "/z.txt", bytes(5, 3)).get("id").asString();
		String foreign = put(other, "/theirs.txt", bytes(5, 4)).get("id").asString();

		JsonNode tagged = bulk(user,
				Map.of("operation", "tag", "ids", List.of(a, b, foreign), "tags", List.of("Invoices", " 2026 ")))
			.json();
		assertThat(tagged.get("done").asInt()).isEqualTo(2);
		assertThat(tagged.get("failed").asInt()).as("another user's file").isEqualTo(1);
		JsonNode byTag = api.get("/api/v1/files?tag=invoices", user.token()).json().get("items");
		assertThat(byTag).extracting((f) -> f.get("id").asString()).containsExactlyInAnyOrder(a, b);
		assertThat(api.get("/api/v1/files?tag=invoices", other.token()).json().get("items")).isEmpty();
		assertThat(api.get("/api/v1/tags", user.token()).json().get("items").toString())
			.contains("{\"tag\":\"2026\",\"count\":2}");

		Map<String, byte[]> entries = unzip(fetchZip(user, a, b));
		assertThat(entries.keySet()).containsExactly("same.txt", "same (1).txt");
		assertThat(sha256(entries.get("same.txt"))).isEqualTo(sha256(one));
		assertThat(entries.get("same (1).txt")).isEqualTo(two);
		assertThat(bulk(user, Map.of("operation", "zip", "ids", List.of(a, foreign))).status()).isEqualTo(404);

		assertThat(bulk(user, Map.of("operation", "delete", "ids", List.of(a, c))).json().get("done").asInt())
			.isEqualTo(2);
		assertThat(api.get("/api/v1/trash", user.token()).json().get("items")).hasSize(2);
		Api.Response share = bulk(user, Map.of("operation", "share", "ids", List.of(b)));
		assertThat(share.status()).as("a share's transfer needs a title").isEqualTo(400);
		assertThat(share.json().get("type").asString()).isEqualTo("/problems/invalid-share-request");
		assertThat(bulk(user, Map.of("operation", "move", "ids", List.of(b))).status()).isEqualTo(400);
	}

	@Test
	void aFolderMovesOrIsRenamedWithEverythingBelowIt() {
		Account user = newUser();
		String a = put(user, "/proj/a.txt", bytes(10, 1)).get("id").asString();
		String b = put(user, "/proj/sub/b.txt", bytes(10, 2)).get("id").asString();
		String there = put(user, "/archive/proj/a.txt", bytes(10, 3)).get("id").asString();

		Api.Response moved = api.post("/api/v1/folders/move",
				Map.of("from", "/proj", "to", "/archive/proj", "on_conflict", "skip"), user.token());
		assertThat(moved.status()).as(moved.body()).isEqualTo(200);
		assertThat(moved.json().get("done").asInt()).isEqualTo(1);
		assertThat(moved.json().get("skipped").asInt()).isEqualTo(1);
		assertThat(pathOf(user, b)).isEqualTo("/archive/proj/sub/b.txt");
		assertThat(pathOf(user, a)).isEqualTo("/proj/a.txt");
		assertThat(pathOf(user, there)).isEqualTo("/archive/proj/a.txt");

		Api.Response renamed = api.post("/api/v1/folders/move", Map.of("from", "/archive/proj", "to", "/archive/p2"),
				user.token());
		assertThat(renamed.json().get("done").asInt()).isEqualTo(2);
		assertThat(pathOf(user, b)).isEqualTo("/archive/p2/sub/b.txt");
		assertThat(pathOf(user, there)).isEqualTo("/archive/p2/a.txt");
		assertThat(
				api.post("/api/v1/folders/move", Map.of("from", "/archive", "to", "/archive/x"), user.token()).status())
			.as("into itself")
			.isEqualTo(400);
		assertThat(api.post("/api/v1/folders/move", Map.of("from", "/nothing", "to", "/x"), user.token()).status())
			.isEqualTo(400);
	}

	/**
	 * Empty folders made below a moved folder go with it, the moved folder's own one too,
	 * so nothing of it stays behind, while a folder whose name only starts the same
	 * stays; a folder that holds only empty folders moves and merges into one that
	 * exists; a move onto a folder above is refused.
	 */
	@Test
	void emptyFoldersMoveWithTheirFolder() {
		Account user = newUser();
		for (String folder : List.of("/proj", "/proj/empty", "/project", "/only/inner", "/done/only/inner")) {
			assertThat(api.post("/api/v1/folders", Map.of("path", folder), user.token()).status()).isEqualTo(201);
		}
		String file = put(user, "/proj/a.txt", bytes(10, 4)).get("id").asString();

		Api.Response moved = api.post("/api/v1/folders/move", Map.of("from", "/proj", "to", "/done/proj"),
				user.token());
		assertThat(moved.status()).as(moved.body()).isEqualTo(200);
		Api.Response onlyFolders = api.post("/api/v1/folders/move", Map.of("from", "/only", "to", "/done/only"),
				user.token());
		assertThat(onlyFolders.status()).as(onlyFolders.body()).isEqualTo(200);
		Api.Response ontoParent = api.post("/api/v1/folders/move", Map.of("from", "/done/proj/empty", "to", "/done"),
				user.token());
		assertThat(ontoParent.status()).as(ontoParent.body()).isEqualTo(400);

		assertThat(pathOf(user, file)).isEqualTo("/done/proj/a.txt");
		assertThat(jdbc.sql("SELECT path FROM folders WHERE owner_id = ? ORDER BY path")
			.param(user.id().toString())
			.query(String.class)
			.list()).containsExactly("/done/only/inner", "/done/proj", "/done/proj/empty", "/project");
		assertThat(api.get("/api/v1/files?path=/", user.token())
			.json()
			.get("folders")
			.valueStream()
			.map(JsonNode::asString)
			.toList()).containsExactly("/done", "/project");
		assertThat(jdbc
			.sql("SELECT details FROM audit_log WHERE action = 'folder.moved' AND outcome = 'success'"
					+ " AND actor_id = ? ORDER BY seq")
			.param(user.id().toString())
			.query(String.class)
			.list()).hasSize(2).first().asString().contains("\"/proj\"").contains("\"folders\":2");
	}

	private byte[] fetchZip(Account user, String... ids) {
		return fetch(api.builder("/api/v1/files/bulk", user.token())
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers
				.ofString("{\"operation\":\"zip\",\"ids\":[\"" + String.join("\",\"", ids) + "\"]}")));
	}

	private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
		Map<String, byte[]> entries = new LinkedHashMap<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				entries.put(entry.getName(), in.readAllBytes());
			}
		}
		return entries;
	}

	private Api.Response bulk(Account user, Map<String, Object> body) {
		return api.post("/api/v1/files/bulk", body, user.token());
	}

	private String pathOf(Account user, String id) {
		return api.get("/api/v1/files/" + id, user.token()).json().get("path").asString();
	}

	private long count(Account user, String folder) {
		return jdbc.sql("SELECT COUNT(*) FROM files WHERE owner_id = ? AND folder = ?")
			.params(user.id().toString(), folder)
			.query(Long.class)
			.single();
	}

	/** {@code count} small files in one multipart request; their ids. */
	private List<String> uploadMany(Account user, String folder, int count) {
		String boundary = "ferry-" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(
				("--" + boundary + "\r\nContent-Disposition: form-data; name=\"path\"\r\n\r\n" + folder + "\r\n")
					.getBytes(StandardCharsets.UTF_8));
		for (int i = 0; i < count; i++) {
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"f" + i + "\"; filename=\"f"
					+ i + ".txt\"\r\nContent-Type: text/plain\r\n\r\nfile " + i + "\r\n")
				.getBytes(StandardCharsets.UTF_8));
		}
		body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		Api.Response response = api.send(api.builder("/api/v1/files", user.token())
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		List<String> ids = new ArrayList<>();
		response.json().get("items").forEach((item) -> ids.add(item.get("id").asString()));
		return ids;
	}

}
