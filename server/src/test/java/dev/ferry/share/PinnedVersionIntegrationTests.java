package dev.ferry.share;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipInputStream;

import dev.ferry.testing.Api;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Share links pinned to a file version, through the real API and real curl: a pinned link
 * keeps serving that version's bytes after newer uploads and past the number of versions
 * kept, an unpinned one follows the latest, and a bad pin creates nothing.
 */
class PinnedVersionIntegrationTests extends ShareIntegrationTest {

	@Test
	void pinnedLinkServesItsVersionAndUnpinnedTheLatest() throws Exception {
		Account owner = newUser();
		byte[] first = "first version of the plan\n".repeat(2000).getBytes(StandardCharsets.UTF_8);
		byte[] second = "second, longer version of the plan\n".repeat(3000).getBytes(StandardCharsets.UTF_8);
		String id = upload(owner, "/plans/plan.txt", first);
		JsonNode pinned = transfer(owner,
				Map.of("title", "Pinned", "file_ids", List.of(id), "versions", Map.of(id, 1), "link", Map.of()));
		JsonNode latest = transfer(owner, Map.of("title", "Latest", "file_ids", List.of(id), "link", Map.of()));
		assertThat(pinned.get("files").get(0).get("version").asInt()).isEqualTo(1);
		assertThat(latest.get("files").get(0).get("version").isNull()).as(latest.toString()).isTrue();

		assertThat(upload(owner, "/plans/plan.txt", second)).as("a new version of the same file").isEqualTo(id);

		String pinnedToken = pinned.get("link").get("token").asString();
		String latestToken = latest.get("link").get("token").asString();
		assertThat(sha256(curl("/api/v1/share/" + pinnedToken + "/files/" + id + "/download")))
			.isEqualTo(sha256(first));
		assertThat(sha256(curl("/api/v1/share/" + latestToken + "/files/" + id + "/download")))
			.isEqualTo(sha256(second));
		assertThat(unzipOnlyEntry(curl("/api/v1/share/" + pinnedToken + "/download"))).isEqualTo(first);

		JsonNode info = api.get("/api/v1/share/" + pinnedToken, null).json().get("files").get(0);
		assertThat(info.get("size").asLong()).isEqualTo(first.length);
		assertThat(info.get("version").asInt()).isEqualTo(1);
		JsonNode view = api.get("/api/v1/transfers/" + pinned.get("id").asString(), owner.token()).json();
		assertThat(view.get("files").get(0).get("size").asLong()).isEqualTo(first.length);
		assertThat(api.get("/api/v1/share/" + latestToken, null).json().get("files").get(0).get("size").asLong())
			.isEqualTo(second.length);
	}

	/** A person the pinned transfer is granted to gets the version the owner shared. */
	@Test
	void aTransferGrantedToAPersonServesItsPinnedVersion() {
		Account owner = newUser();
		Account reader = newUser();
		String id = upload(owner, "/granted-plan.txt", "the version shared".getBytes(StandardCharsets.UTF_8));
		JsonNode pinned = transfer(owner,
				Map.of("title", "Pinned", "file_ids", List.of(id), "versions", Map.of(id, 1)));
		upload(owner, "/granted-plan.txt", "a later draft, never shared".getBytes(StandardCharsets.UTF_8));
		Api.Response granted = api.post("/api/v1/transfers/" + pinned.get("id").asString() + "/grants",
				Map.of("email", reader.email(), "permission", "download"), owner.token());
		assertThat(granted.status()).as(granted.body()).isEqualTo(201);

		assertThat(api.get("/api/v1/shared-with-me/files/" + id + "/download", reader.token()).body())
			.isEqualTo("the version shared");
		JsonNode item = api.get("/api/v1/shared-with-me", reader.token()).json().get("items").get(0);
		assertThat(item.get("files").get(0).get("size").asLong()).isEqualTo("the version shared".length());
	}

	@Test
	void pruningKeepsAPinnedVersionUntilItsTransferEnds() throws Exception {
		Account owner = newUser();
		Api.Response keep = api.send(api.builder("/api/v1/admin/users/" + owner.id() + "/file-versions", adminToken())
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString("{\"keep\": 1}")));
		assertThat(keep.status()).as(keep.body()).isEqualTo(200);
		byte[] first = "kept because a link names it".getBytes(StandardCharsets.UTF_8);
		String id = upload(owner, "/keep.txt", first);
		JsonNode pinned = transfer(owner,
				Map.of("title", "Pinned", "file_ids", List.of(id), "versions", Map.of(id, 1), "link", Map.of()));
		upload(owner, "/keep.txt", "two".getBytes(StandardCharsets.UTF_8));
		upload(owner, "/keep.txt", "three".getBytes(StandardCharsets.UTF_8));

		assertThat(versions(owner, id)).as("keep 1 prunes version 2, never the pinned version 1").containsExactly(3, 1);
		String token = pinned.get("link").get("token").asString();
		assertThat(curl("/api/v1/share/" + token + "/files/" + id + "/download")).isEqualTo(first);

		assertThat(api.delete("/api/v1/transfers/" + pinned.get("id").asString(), owner.token()).status())
			.isEqualTo(204);
		sweeper.sweep();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM file_version_pins WHERE holder_id = ?")
			.param(pinned.get("id").asString())
			.query(Long.class)
			.single()).as("the ended transfer's pin is released").isZero();
		upload(owner, "/keep.txt", "four".getBytes(StandardCharsets.UTF_8));
		assertThat(versions(owner, id)).containsExactly(4);
	}

	@Test
	void retentionTakesAgedVersionsButNotAPinnedOne() {
		Account owner = newUser();
		String id = upload(owner, "/aged.txt", "one".getBytes(StandardCharsets.UTF_8));
		transfer(owner,
				Map.of("title", "Pinned", "file_ids", List.of(id), "versions", Map.of(id, 1), "link", Map.of()));
		upload(owner, "/aged.txt", "two".getBytes(StandardCharsets.UTF_8));
		upload(owner, "/aged.txt", "three".getBytes(StandardCharsets.UTF_8));
		jdbc.sql("UPDATE file_versions SET replaced_at = ? WHERE file_id = ?")
			.params(Instant.now().minus(Duration.ofDays(40)).toEpochMilli(), id)
			.update();
		try {
			assertThat(retentionPolicies(Map.of("versions", 10)).status()).isEqualTo(200);
			Api.Response run = api.post("/api/v1/admin/retention/run", "", adminToken());
			assertThat(run.status()).as(run.body()).isEqualTo(200);
			assertThat(versions(owner, id)).as("version 2 aged out, the pinned version 1 stays").containsExactly(3, 1);
		}
		finally {
			assertThat(retentionPolicies(Map.of()).status()).isEqualTo(200);
		}
	}

	/**
	 * The versions category leaves a pinned version alone, and so does the files
	 * category: a file a live transfer pinned is not purged under its recipients, while
	 * one as old without a pin is.
	 */
	@Test
	void retentionTakesAgedFilesButNotAPinnedOne() {
		Account owner = newUser();
		String pinned = upload(owner, "/old-pinned.txt", "pinned".getBytes(StandardCharsets.UTF_8));
		String loose = upload(owner, "/old-loose.txt", "loose".getBytes(StandardCharsets.UTF_8));
		transfer(owner, Map.of("title", "Pinned file", "file_ids", List.of(pinned), "versions", Map.of(pinned, 1),
				"link", Map.of()));
		jdbc.sql("UPDATE files SET created_at = ? WHERE id IN (?, ?)")
			.params(Instant.now().minus(Duration.ofDays(400)).toEpochMilli(), pinned, loose)
			.update();
		try {
			assertThat(retentionPolicies(Map.of("files", 365)).status()).isEqualTo(200);
			Api.Response run = api.post("/api/v1/admin/retention/run", "", adminToken());
			assertThat(run.status()).as(run.body()).isEqualTo(200);
			assertThat(api.get("/api/v1/files/" + pinned, owner.token()).status()).isEqualTo(200);
			assertThat(api.get("/api/v1/files/" + loose, owner.token()).status()).isEqualTo(404);
		}
		finally {
			assertThat(retentionPolicies(Map.of()).status()).isEqualTo(200);
		}
	}

	private Api.Response retentionPolicies(Map<String, Integer> policies) {
		return api.put("/api/v1/admin/retention", Map.of("policies", policies), adminToken());
	}

	@Test
	void aBadPinIsRefusedAndCreatesNothing() {
		Account owner = newUser();
		String id = upload(owner, "/one.txt", "one".getBytes(StandardCharsets.UTF_8));
		String other = upload(owner, "/two.txt", "two".getBytes(StandardCharsets.UTF_8));
		Account stranger = newUser();
		String strangers = upload(stranger, "/theirs.txt", "theirs".getBytes(StandardCharsets.UTF_8));

		assertRefused(owner, Map.of(id, 7), List.of(id), "has no version 7");
		assertRefused(owner, Map.of(id, 0), List.of(id), "version number");
		assertRefused(owner, Map.of(other, 1), List.of(id), "not one of file_ids");
		assertRefused(owner, Map.of(strangers, 1), List.of(id), "not one of file_ids");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM transfers WHERE owner_id = ?")
			.param(owner.id().toString())
			.query(Long.class)
			.single()).isZero();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM file_version_pins WHERE owner_id = ?")
			.param(owner.id().toString())
			.query(Long.class)
			.single()).isZero();
	}

	private void assertRefused(Account owner, Map<String, Integer> versions, List<String> fileIds, String detail) {
		Api.Response response = api.post("/api/v1/transfers",
				Map.of("title", "Bad " + UUID.randomUUID(), "file_ids", fileIds, "versions", versions), owner.token());
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(problemType(response)).isEqualTo("/problems/invalid-share-request");
		assertThat(response.json().get("detail").asString()).contains(detail);
	}

	private List<Integer> versions(Account owner, String id) {
		JsonNode items = api.get("/api/v1/files/" + id + "/versions", owner.token()).json().get("items");
		return items.valueStream().map((v) -> v.get("version").asInt()).toList();
	}

	/** The body curl receives for a public path (failing on any status but 200). */
	private byte[] curl(String path) throws IOException, InterruptedException {
		Process curl = new ProcessBuilder("curl", "-sS", "--fail", "http://127.0.0.1:" + port + path).start();
		byte[] body = curl.getInputStream().readAllBytes();
		assertThat(curl.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(curl.exitValue()).as(new String(curl.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
			.isZero();
		return body;
	}

	private static byte[] unzipOnlyEntry(byte[] zip) throws IOException {
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			assertThat(in.getNextEntry()).isNotNull();
			byte[] content = in.readAllBytes();
			assertThat(in.getNextEntry()).isNull();
			return content;
		}
	}

	private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
	}

}
