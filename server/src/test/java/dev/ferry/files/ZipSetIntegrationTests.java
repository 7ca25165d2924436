package dev.ferry.files;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import dev.ferry.testing.Api;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code POST /api/v1/files/zips} and its ticketed download through the real API: the
 * browser's Download as ZIP registers the ids, then a plain GET with a download ticket
 * streams the archive; another account's files, another account's set and an expired set
 * are refused with problem+json.
 */
class ZipSetIntegrationTests extends FilesTestSupport {

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void aRegisteredSetDownloadsOnceWithATicket() throws Exception {
		Account user = newUser();
		byte[] one = bytes(90_000, 41);
		byte[] two = "second".getBytes(StandardCharsets.UTF_8);
		String a = put(user, "/x/same.txt", one).get("id").asString();
		String b = put(user, "/y/same.txt", two).get("id").asString();

		Api.Response created = api.post("/api/v1/files/zips", Map.of("ids", List.of(a, b)), user.token());
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String downloadPath = created.json().get("download_url").asString();
		assertThat(created.json().get("count").asInt()).isEqualTo(2);
		assertThat(created.headers().get("location")).containsExactly(downloadPath);

		Api.Response issued = api.post("/api/v1/download-tickets", Map.of("path", downloadPath), user.token());
		assertThat(issued.status()).as(issued.body()).isEqualTo(201);
		String url = issued.json().get("url").asString();
		assertThat(url).startsWith(downloadPath + "?ticket=fdt_");

		HttpResponse<Void> probe = http.send(HttpRequest.newBuilder(URI.create(url(url)))
			.method("HEAD", HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.discarding());
		assertThat(probe.statusCode()).isEqualTo(200);
		assertThat(probe.headers().firstValue("Content-Type")).contains("application/zip");
		assertThat(audited("file.download", "success", a)).as("a HEAD builds no archive").isZero();

		HttpResponse<byte[]> zip = get(url);
		assertThat(zip.statusCode()).isEqualTo(200);
		assertThat(zip.headers().firstValue("Content-Type")).contains("application/zip");
		assertThat(zip.headers().firstValue("Content-Disposition"))
			.hasValueSatisfying((value) -> assertThat(value).startsWith("attachment").contains("files.zip"));
		Map<String, byte[]> entries = unzip(zip.body());
		assertThat(entries.keySet()).containsExactly("same.txt", "same (1).txt");
		assertThat(sha256(entries.get("same.txt"))).isEqualTo(sha256(one));
		assertThat(entries.get("same (1).txt")).isEqualTo(two);

		HttpResponse<byte[]> replay = get(url);
		assertThat(replay.statusCode()).as("a ticket starts one download").isEqualTo(401);
		assertProblem(replay);
		assertThat(get(downloadPath).statusCode()).as("no ticket, no header").isEqualTo(401);
		assertThat(audited("files.zip_set.download", "success", created.json().get("id").asString()))
			.as("the HEAD and the download")
			.isEqualTo(2);
		assertThat(audited("file.download", "success", a)).isEqualTo(1);
	}

	/**
	 * The second file's stored bytes are gone when the archive reaches it, long after the
	 * answer began: curl must see a broken transfer, not a complete but truncated ZIP.
	 */
	@Test
	void anArchiveThatFailsHalfWayIsCutOffNotEndedAsIfWhole() throws Exception {
		Account user = newUser();
		String first = put(user, "/big.bin", bytes(3_000_000, 43)).get("id").asString();
		String second = put(user, "/lost.bin", bytes(50_000, 44)).get("id").asString();
		String blob = jdbc.sql("SELECT blob_id FROM files WHERE id = ?").param(second).query(String.class).single();
		String url = ticketedZip(user, first, second);
		FileSystemUtils.deleteRecursively(DATA_DIR.resolve("blobs/parts").resolve(blob.substring(0, 2)).resolve(blob));

		dev.ferry.testing.Curl.Result download = dev.ferry.testing.Curl
			.run(List.of("curl", "-sS", "-o", "/dev/null", "-w", "%{http_code}", url(url)));

		assertThat(download.output()).as("the answer began").contains("200");
		assertThat(download.exitCode()).as("curl notices the archive broke off: " + download.output()).isNotZero();
	}

	@Test
	void anotherAccountsFilesOrSetAreRefused() throws Exception {
		Account user = newUser();
		Account other = newUser();
		String mine = put(user, "/mine.txt", bytes(10, 1)).get("id").asString();
		String theirs = put(other, "/theirs.txt", bytes(10, 2)).get("id").asString();

		Api.Response foreign = api.post("/api/v1/files/zips", Map.of("ids", List.of(mine, theirs)), user.token());
		assertThat(foreign.status()).isEqualTo(404);
		assertThat(foreign.json().get("type").asString()).isEqualTo("/problems/file-not-found");
		Api.Response twice = api.post("/api/v1/files/zips", Map.of("ids", List.of(mine, mine)), user.token());
		assertThat(twice.status()).isEqualTo(400);
		assertThat(twice.json().get("detail").asString()).contains("twice");
		assertThat(api.post("/api/v1/files/zips", Map.of("ids", List.of()), user.token()).status()).isEqualTo(400);

		String path = api.post("/api/v1/files/zips", Map.of("ids", List.of(mine)), user.token())
			.json()
			.get("download_url")
			.asString();
		Api.Response stranger = api.get(path, other.token());
		assertThat(stranger.status()).as("only the account that registered it").isEqualTo(404);
		assertThat(stranger.json().get("type").asString()).isEqualTo("/problems/zip-set-not-found");
		assertThat(api.get("/api/v1/files/zips/not-a-set/download", user.token()).status()).isEqualTo(404);
	}

	@Test
	void anExpiredSetIsRefused() throws Exception {
		Account user = newUser();
		String id = put(user, "/late.txt", bytes(10, 3)).get("id").asString();
		JsonNode set = api.post("/api/v1/files/zips", Map.of("ids", List.of(id)), user.token()).json();
		String path = set.get("download_url").asString();
		String url = api.post("/api/v1/download-tickets", Map.of("path", path), user.token())
			.json()
			.get("url")
			.asString();
		jdbc.sql("UPDATE file_zip_sets SET expires_at = expires_at - ? WHERE id = ?")
			.params(ZipSets.LIFETIME.toMillis() + 1000, set.get("id").asString())
			.update();

		HttpResponse<byte[]> expired = get(url);
		assertThat(expired.statusCode()).isEqualTo(410);
		assertProblem(expired);
		assertThat(new String(expired.body(), StandardCharsets.UTF_8)).contains("/problems/zip-set-expired")
			.contains("Download as ZIP again");
		assertThat(audited("files.zip_set.download", "failure", set.get("id").asString())).isEqualTo(1);
	}

	/**
	 * The second file is deleted while the first streams (24 MiB, read slowly): the
	 * archive ends when it reaches the second, which is on the trail as a failed
	 * download.
	 */
	@Test
	void aFileDeletedWhileTheArchiveStreamsIsAFailedDownload() throws Exception {
		Account user = newUser();
		String big = put(user, "/z/big.bin", bytes(24 * 1024 * 1024, 42)).get("id").asString();
		String gone = put(user, "/z/gone.txt", "deleted meanwhile".getBytes(StandardCharsets.UTF_8)).get("id")
			.asString();
		String url = ticketedZip(user, big, gone);

		HttpResponse<InputStream> zip = http.send(HttpRequest.newBuilder(URI.create(url(url))).GET().build(),
				HttpResponse.BodyHandlers.ofInputStream());
		assertThat(zip.statusCode()).isEqualTo(200);
		try (InputStream body = zip.body()) {
			body.readNBytes(128 * 1024);
			assertThat(api.delete("/api/v1/files/" + gone + "?permanent=true", user.token()).status()).isEqualTo(204);
			body.transferTo(OutputStream.nullOutputStream());
		}
		catch (IOException cutShort) {
			// The archive breaks off where the deleted file would begin.
		}

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(jdbc
				.sql("SELECT details FROM audit_log WHERE action = 'file.download' AND outcome = 'failure' "
						+ "AND object_id = ?")
				.param(gone)
				.query(String.class)
				.list()).singleElement().asString().contains("\"zip\""));
	}

	/** The download URL, with its ticket, of a ZIP set of {@code ids}. */
	private String ticketedZip(Account user, String... ids) {
		String downloadPath = api.post("/api/v1/files/zips", Map.of("ids", List.of(ids)), user.token())
			.json()
			.get("download_url")
			.asString();
		return api.post("/api/v1/download-tickets", Map.of("path", downloadPath), user.token())
			.json()
			.get("url")
			.asString();
	}

	private HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create(url(path))).GET().build(),
				HttpResponse.BodyHandlers.ofByteArray());
	}

	private static void assertProblem(HttpResponse<byte[]> response) {
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
	}

	private long audited(String action, String outcome, String setId) {
		return jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = ? AND outcome = ? AND object_id = ?")
			.params(action, outcome, setId)
			.query(Long.class)
			.single();
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

}
