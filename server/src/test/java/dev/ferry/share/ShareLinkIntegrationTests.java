package dev.ferry.share;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.nio.channels.Channels;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.ferry.storage.spi.BlobStore;
import dev.ferry.testing.Api;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ShareLinkIntegrationTests extends ShareIntegrationTest {

	@Autowired
	private BlobStore store;

	@Test
	void visitorSeesTitleSenderAndFilesButNeverTheOwnersAddress() {
		Account owner = newUser();
		String fileId = upload(owner, "/docs/report.txt", "quarterly numbers".getBytes());
		JsonNode transfer = transfer(owner, fileId);
		JsonNode link = link(owner, transfer.get("id").asString(), Map.of());

		assertThat(link.get("url").asString()).endsWith("/s/" + tokenOf(link));
		assertThat(tokenOf(link)).matches("[A-Za-z0-9_-]{43}");
		Api.Response info = publicGet("/api/v1/share/" + tokenOf(link));

		assertThat(info.status()).as(info.body()).isEqualTo(200);
		JsonNode json = info.json();
		assertThat(json.get("title").asString()).isEqualTo(transfer.get("title").asString());
		assertThat(json.get("message").asString()).isEqualTo("Hello there");
		assertThat(json.get("sender_name").asString()).startsWith("Sender ");
		assertThat(json.get("files").get(0).get("name").asString()).isEqualTo("report.txt");
		assertThat(json.get("files").get(0).get("size").asLong()).isEqualTo(17);
		assertThat(json.get("files").get(0).get("content_type").asString()).startsWith("text/plain");
		assertThat(json.get("password_required").asBoolean()).isFalse();
		assertThat(json.get("email_verification_required").asBoolean()).isFalse();
		assertThat(json.get("downloads_left").isNull()).isTrue();
		assertThat(json.has("sender_email")).isFalse();
		assertThat(info.body()).doesNotContain(owner.email())
			.doesNotContain(owner.id().toString())
			.doesNotContain(transfer.get("id").asString());
	}

	@Test
	void senderEmailOnlyWhenOptedIn() {
		Account owner = newUser();
		String fileId = upload(owner, "/a.txt", "a".getBytes());
		JsonNode transfer = transfer(owner,
				Map.of("title", "Open", "file_ids", List.of(fileId), "show_sender_email", true));
		JsonNode link = link(owner, transfer.get("id").asString(), Map.of());

		JsonNode info = publicGet("/api/v1/share/" + tokenOf(link)).json();

		assertThat(info.get("sender_email").asString()).isEqualTo(owner.email());
	}

	@Test
	void downloadsWithRangesAndValidatorsLikeOwnerDownloads() {
		Account owner = newUser();
		byte[] content = new byte[300_000];
		new Random(7).nextBytes(content);
		String fileId = upload(owner, "/big.bin", content);
		JsonNode link = link(owner, transfer(owner, fileId).get("id").asString(), Map.of());
		String path = "/api/v1/share/" + tokenOf(link) + "/files/" + fileId + "/download";

		Api.Response full = publicGet(path);
		assertThat(full.status()).isEqualTo(200);
		assertThat(full.header("Accept-Ranges")).isEqualTo("bytes");
		assertThat(full.header("Content-Disposition")).contains("big.bin");
		String etag = full.header("ETag");
		assertThat(etag).isNotBlank();

		Api.Response partial = publicGet(path, "Range", "bytes=100-199", "If-Range", etag);
		assertThat(partial.status()).isEqualTo(206);
		assertThat(partial.header("Content-Range")).isEqualTo("bytes 100-199/300000");

		Api.Response stale = publicGet(path, "Range", "bytes=100-199", "If-Range", "\"other\"");
		assertThat(stale.status()).isEqualTo(200);

		Api.Response notModified = publicGet(path, "If-None-Match", etag);
		assertThat(notModified.status()).isEqualTo(304);
	}

	@Test
	void resumingWithTheSameSessionUsesOneDownload() throws Exception {
		Account owner = newUser();
		OneDownload shared = oneDownloadWithSession(owner, "/resume.bin", 200_000, 3);
		JsonNode link = shared.link();
		String token = tokenOf(link);
		String session = shared.session();
		String path = shared.path();

		Api.Response first = publicGet(path, "Range", "bytes=0-99999", "X-Share-Session", session);
		Api.Response second = publicGet(path, "Range", "bytes=100000-", "Authorization", "Bearer " + session);
		Api.Response otherVisitor = publicGet(path);

		assertThat(first.status()).isEqualTo(206);
		assertThat(second.status()).isEqualTo(206);
		assertThat(otherVisitor.status()).isEqualTo(410);
		assertThat(problemType(otherVisitor)).isEqualTo("/problems/share-exhausted");
		Api.Response newSession = publicPost("/api/v1/share/" + token + "/unlock", Map.of());
		assertThat(newSession.status()).as("no new session sees the files or previews").isEqualTo(410);
		assertThat(publicGet("/api/v1/share/" + token, "X-Share-Session", session).status())
			.as("the session given before still sees the page")
			.isEqualTo(200);
		assertThat(jdbc.sql("SELECT downloads FROM share_links WHERE id = ?")
			.param(link.get("id").asString())
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	/**
	 * A session resumes only what it was counted for: once the file has a new version, a
	 * range of it is a new download, and a spent link refuses it.
	 */
	@Test
	void aResumeAfterANewVersionIsANewDownload() {
		Account owner = newUser();
		OneDownload shared = oneDownloadWithSession(owner, "/changing.bin", 1_000, 5);
		String fileId = shared.fileId();
		String session = shared.session();
		String path = shared.path();
		assertThat(publicGet(path, "Range", "bytes=0-499", "X-Share-Session", session).status()).isEqualTo(206);
		assertThat(publicGet(path, "Range", "bytes=500-", "X-Share-Session", session).status())
			.as("the same content resumes for free")
			.isEqualTo(206);

		byte[] second = new byte[100_000];
		new Random(6).nextBytes(second);
		assertThat(upload(owner, "/changing.bin", second)).as("a new version of the same file").isEqualTo(fileId);
		Api.Response afterChange = publicGet(path, "Range", "bytes=1000-", "X-Share-Session", session);
		assertThat(afterChange.status()).as("the rest of another content is a new download").isEqualTo(410);
	}

	/**
	 * {@code size} random bytes ({@code seed}) uploaded to {@code filePath}, a link that
	 * allows one download, a session opened on it, and the file's download path.
	 */
	private OneDownload oneDownloadWithSession(Account owner, String filePath, int size, int seed) {
		byte[] content = new byte[size];
		new Random(seed).nextBytes(content);
		String fileId = upload(owner, filePath, content);
		JsonNode link = link(owner, transfer(owner, fileId).get("id").asString(), Map.of("max_downloads", 1));
		String token = tokenOf(link);
		return new OneDownload(fileId, link, openSession(token),
				"/api/v1/share/" + token + "/files/" + fileId + "/download");
	}

	private record OneDownload(String fileId, JsonNode link, String session, String path) {
	}

	/**
	 * A store that fails before the first byte (a file's or the ZIP's) answers 503 and
	 * delivers nothing: a one-download link must still have its download.
	 */
	@Test
	void aDownloadThatFailsBeforeItsFirstByteDoesNotUseOne() throws IOException {
		Account owner = newUser();
		String fileId = upload(owner, "/unreadable.bin", new byte[50_000]);
		JsonNode link = link(owner, transfer(owner, fileId).get("id").asString(), Map.of("max_downloads", 1));
		String token = tokenOf(link);
		List<String> parts = jdbc
			.sql("SELECT p.store_key FROM blob_parts p JOIN files f ON f.blob_id = p.blob_id WHERE f.id = ?")
			.param(fileId)
			.query(String.class)
			.list();
		Map<String, byte[]> kept = new HashMap<>();
		for (String key : parts) {
			try (InputStream in = Channels.newInputStream(store.open(key))) {
				kept.put(key, in.readAllBytes());
			}
			store.delete(key, false);
		}

		assertThat(publicGet("/api/v1/share/" + token + "/files/" + fileId + "/download").status()).isEqualTo(503);
		assertThat(publicGet("/api/v1/share/" + token + "/download").status()).isEqualTo(503);
		assertThat(jdbc.sql("SELECT downloads FROM share_links WHERE id = ?")
			.param(link.get("id").asString())
			.query(Integer.class)
			.single()).as("nothing was delivered").isZero();

		for (Map.Entry<String, byte[]> part : kept.entrySet()) {
			store.put(part.getKey(), new ByteArrayInputStream(part.getValue()));
		}
		assertThat(publicGet("/api/v1/share/" + token + "/files/" + fileId + "/download").status())
			.as("the store is back, and so is the download")
			.isEqualTo(200);
		assertThat(publicGet("/api/v1/share/" + token + "/download").status()).isEqualTo(410);
	}

	@Test
	void tenParallelDownloadsOfAOneDownloadLinkGiveExactlyOneSuccess() throws Exception {
		Account owner = newUser();
		String fileId = upload(owner, "/once.bin", new byte[50_000]);
		JsonNode link = link(owner, transfer(owner, fileId).get("id").asString(), Map.of("max_downloads", 1));
		String path = "/api/v1/share/" + tokenOf(link) + "/files/" + fileId + "/download";
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(10);
		try {
			List<Future<Integer>> results = new ArrayList<>();
			for (int i = 0; i < 10; i++) {
				Callable<Integer> download = () -> {
					start.await();
					return publicGet(path).status();
				};
				results.add(pool.submit(download));
			}
			start.countDown();
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> result : results) {
				statuses.add(result.get());
			}
			assertThat(statuses).filteredOn((s) -> s == 200).hasSize(1);
			assertThat(statuses).filteredOn((s) -> s == 410).hasSize(9);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(publicGet("/api/v1/share/" + tokenOf(link)).status()).isEqualTo(410);
	}

	@Test
	void expiredRevokedUnknownAndExhaustedLinksAnswerWithTheirOwnProblem() {
		Account owner = newUser();
		String fileId = upload(owner, "/x.txt", "x".getBytes());
		String transferId = transfer(owner, fileId).get("id").asString();
		JsonNode expired = link(owner, transferId, Map.of());
		JsonNode revoked = link(owner, transferId, Map.of());
		jdbc.sql("UPDATE share_links SET expires_at = ? WHERE id = ?")
			.params(System.currentTimeMillis() - 1, expired.get("id").asString())
			.update();
		assertThat(
				api.delete("/api/v1/transfers/" + transferId + "/shares/" + revoked.get("id").asString(), owner.token())
					.status())
			.isEqualTo(204);

		Api.Response expiredInfo = publicGet("/api/v1/share/" + tokenOf(expired));
		Api.Response revokedInfo = publicGet("/api/v1/share/" + tokenOf(revoked));
		Api.Response unknown = publicGet("/api/v1/share/" + "A".repeat(43));
		Api.Response malformed = publicGet("/api/v1/share/not-a-token");

		assertThat(expiredInfo.status()).isEqualTo(410);
		assertThat(problemType(expiredInfo)).isEqualTo("/problems/share-expired");
		assertThat(revokedInfo.status()).isEqualTo(404);
		assertThat(problemType(revokedInfo)).isEqualTo("/problems/share-not-found");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(malformed.status()).isEqualTo(404);
		assertThat(expiredInfo.contentType()).startsWith("application/problem+json");
		assertThat(auditActions(revoked.get("id").asString())).contains("share.created:success",
				"share.revoked:success", "share.view:failure");
	}

	@Test
	void expiredTransferStopsEveryLinkAtOnce() {
		Account owner = newUser();
		String fileId = upload(owner, "/y.txt", "y".getBytes());
		String transferId = transfer(owner, fileId).get("id").asString();
		JsonNode link = link(owner, transferId, Map.of());
		jdbc.sql("UPDATE transfers SET expires_at = ? WHERE id = ?")
			.params(System.currentTimeMillis() - 1, transferId)
			.update();

		Api.Response download = publicGet("/api/v1/share/" + tokenOf(link) + "/files/" + fileId + "/download");

		assertThat(download.status()).isEqualTo(410);
		assertThat(problemType(download)).isEqualTo("/problems/share-expired");
		assertThat(api.get("/api/v1/transfers/" + transferId, owner.token()).json().get("status").asString())
			.isEqualTo("expired");
	}

	@Test
	void revokingTheTransferStopsItsLinks() {
		Account owner = newUser();
		String fileId = upload(owner, "/z.txt", "z".getBytes());
		String transferId = transfer(owner, fileId).get("id").asString();
		JsonNode link = link(owner, transferId, Map.of());

		assertThat(api.delete("/api/v1/transfers/" + transferId, owner.token()).status()).isEqualTo(204);

		assertThat(publicGet("/api/v1/share/" + tokenOf(link)).status()).isEqualTo(404);
	}

	/**
	 * The owner deletes a file the transfer still lists: its link and its grant answer
	 * 404, and both refusals are on the trail with why.
	 */
	@Test
	void aDeletedFileIsRefusedOnTheTrailThroughALinkAndAGrant() {
		Account owner = newUser();
		Account grantee = newUser();
		String fileId = upload(owner, "/gone.txt", "soon gone".getBytes());
		String transferId = transfer(owner, fileId).get("id").asString();
		JsonNode link = link(owner, transferId, Map.of());
		assertThat(api
			.post("/api/v1/transfers/" + transferId + "/grants",
					Map.of("email", grantee.email(), "permission", "download"), owner.token())
			.status()).isEqualTo(201);
		assertThat(api.delete("/api/v1/files/" + fileId + "?permanent=true", owner.token()).status()).isEqualTo(204);

		assertThat(publicGet("/api/v1/share/" + tokenOf(link) + "/files/" + fileId + "/download").status())
			.isEqualTo(404);
		assertThat(api.get("/api/v1/shared-with-me/files/" + fileId + "/download", grantee.token()).status())
			.isEqualTo(404);

		assertThat(auditActions(link.get("id").asString())).contains("share.download:failure");
		assertThat(auditActions(fileId)).contains("grant.download:denied");
		assertThat(jdbc
			.sql("SELECT COUNT(*) FROM audit_log WHERE details LIKE '%file_gone%' AND (object_id = ? "
					+ "OR object_id = ?)")
			.params(link.get("id").asString(), fileId)
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void passwordProtectedLinkNeedsTheSessionFromUnlock() {
		Account owner = newUser();
		String fileId = upload(owner, "/secret.txt", "secret".getBytes());
		JsonNode link = link(owner, transfer(owner, fileId).get("id").asString(), Map.of("password", "correct horse"));
		String token = tokenOf(link);
		String path = "/api/v1/share/" + token + "/files/" + fileId + "/download";

		JsonNode locked = publicGet("/api/v1/share/" + token).json();
		assertThat(locked.get("password_required").asBoolean()).isTrue();
		assertThat(locked.get("files")).isEmpty();
		Api.Response noSession = publicGet(path);
		assertThat(noSession.status()).isEqualTo(401);
		assertThat(problemType(noSession)).isEqualTo("/problems/share-locked");
		Api.Response wrong = publicPost("/api/v1/share/" + token + "/unlock", Map.of("password", "nope"));
		assertThat(wrong.status()).isEqualTo(401);
		assertThat(problemType(wrong)).isEqualTo("/problems/share-wrong-password");

		Api.Response wrongByAlias = publicPost("/api/v1/share/" + token + "/verify", Map.of("password", "nope"));
		assertThat(wrongByAlias.status()).isEqualTo(401);
		assertThat(problemType(wrongByAlias)).isEqualTo("/problems/share-wrong-password");
		Api.Response verified = publicPost("/api/v1/share/" + token + "/verify", Map.of("password", "correct horse"));
		assertThat(verified.status()).as(verified.body()).isEqualTo(200);
		assertThat(
				publicGet("/api/v1/share/" + token, "X-Share-Session", verified.json().get("session_token").asString())
					.json()
					.get("files"))
			.hasSize(1);

		Api.Response unlocked = publicPost("/api/v1/share/" + token + "/unlock", Map.of("password", "correct horse"));
		assertThat(unlocked.status()).as(unlocked.body()).isEqualTo(200);
		String session = unlocked.json().get("session_token").asString();
		assertThat(unlocked.json().get("expires_at").asString()).isNotBlank();

		assertThat(publicGet("/api/v1/share/" + token, "X-Share-Session", session).json().get("files")).hasSize(1);
		Api.Response download = publicGet(path, "X-Share-Session", session);
		assertThat(download.status()).isEqualTo(200);
		assertThat(download.body()).isEqualTo("secret");
		Api.Response forged = publicGet(path, "X-Share-Session", "fss_" + "B".repeat(43));
		assertThat(forged.status()).isEqualTo(401);
		assertThat(problemType(forged)).isEqualTo("/problems/share-session-invalid");
		assertThat(auditActions(link.get("id").asString())).contains("share.unlock:failure", "share.unlock:success");
	}

	@Test
	void fiveWrongPasswordsThenTooManyRequestsWithRetryAfter() {
		Account owner = newUser();
		String fileId = upload(owner, "/guarded.txt", "g".getBytes());
		JsonNode link = link(owner, transfer(owner, fileId).get("id").asString(), Map.of("password", "right"));
		String unlock = "/api/v1/share/" + tokenOf(link) + "/unlock";

		for (int i = 0; i < 5; i++) {
			assertThat(publicPost(unlock, Map.of("password", "wrong-" + i)).status()).isEqualTo(401);
		}
		Api.Response limited = publicPost(unlock, Map.of("password", "right"));

		assertThat(limited.status()).isEqualTo(429);
		assertThat(problemType(limited)).isEqualTo("/problems/too-many-attempts");
		assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 900L);
		assertThat(auditActions(link.get("id").asString())).filteredOn((a) -> a.equals("share.unlock:failure"))
			.hasSize(6);
	}

	@Test
	void downloadsAreTrackedForTheOwner() {
		Account owner = newUser();
		String fileId = upload(owner, "/tracked.txt", "tracked content".getBytes());
		String transferId = transfer(owner, fileId).get("id").asString();
		JsonNode link = link(owner, transferId, Map.of());
		api.send(api.builder("/api/v1/share/" + tokenOf(link) + "/files/" + fileId + "/download", null)
			.header("User-Agent", "tracking-test/1.0")
			.GET());

		// The server records completion after the last byte is flushed, so the client can
		// finish reading a moment before the record exists.
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			JsonNode activity = api.get("/api/v1/transfers/" + transferId + "/activity", owner.token()).json();

			JsonNode item = activity.get("items").get(0);
			assertThat(item.get("file_id").asString()).isEqualTo(fileId);
			assertThat(item.get("file_name").asString()).isEqualTo("tracked.txt");
			assertThat(item.get("link_id").asString()).isEqualTo(link.get("id").asString());
			assertThat(item.get("kind").asString()).isEqualTo("file");
			assertThat(item.get("ip").asString()).isEqualTo("127.0.0.1");
			assertThat(item.get("user_agent").asString()).isEqualTo("tracking-test/1.0");
			assertThat(item.get("bytes").asLong()).isEqualTo(15);
			assertThat(item.get("completed").asBoolean()).isTrue();
			assertThat(auditActions(link.get("id").asString())).contains("share.download_started:success",
					"share.download_completed:success");
		});
	}

	@Test
	void aFileOutsideTheTransferCannotBeFetchedThroughItsLink() {
		Account owner = newUser();
		String shared = upload(owner, "/shared.txt", "s".getBytes());
		String other = upload(owner, "/private.txt", "p".getBytes());
		JsonNode link = link(owner, transfer(owner, shared).get("id").asString(), Map.of());

		Api.Response response = publicGet("/api/v1/share/" + tokenOf(link) + "/files/" + other + "/download");

		assertThat(response.status()).isEqualTo(404);
	}

	@Test
	void headRequestsDoNotUseADownload() {
		Account owner = newUser();
		String fileId = upload(owner, "/head.txt", "h".getBytes());
		JsonNode link = link(owner, transfer(owner, fileId).get("id").asString(), Map.of("max_downloads", 1));
		String path = "/api/v1/share/" + tokenOf(link) + "/files/" + fileId + "/download";

		Api.Response head = api.send(api.builder(path, null).method("HEAD", HttpRequest.BodyPublishers.noBody()));

		assertThat(head.status()).isEqualTo(200);
		assertThat(publicGet(path).status()).isEqualTo(200);
	}

	/** A share session for an open link, as its page gets one. */
	private String openSession(String token) {
		return publicPost("/api/v1/share/" + token + "/unlock", Map.of()).json().get("session_token").asString();
	}

}
