package dev.ferry.files;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;

import dev.ferry.testing.AuditRows;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ExtendWith(OutputCaptureExtension.class)
class DownloadIntegrationTests extends FilesTestSupport {

	private final HttpClient http = HttpClient.newHttpClient();

	@Autowired
	ReadAheadCopy readAhead;

	@Test
	void singleRangesAtTheEdges() throws Exception {
		Account user = newUser();
		byte[] content = bytes(1000, 11);
		String id = put(user, "/r.bin", content).get("id").asString();
		assertPart(get(user, id, "Range", "bytes=0-0"), "bytes 0-0/1000", Arrays.copyOfRange(content, 0, 1));
		assertPart(get(user, id, "Range", "bytes=999-999"), "bytes 999-999/1000",
				Arrays.copyOfRange(content, 999, 1000));
		assertPart(get(user, id, "Range", "bytes=-1"), "bytes 999-999/1000", Arrays.copyOfRange(content, 999, 1000));
		assertPart(get(user, id, "Range", "bytes=100-"), "bytes 100-999/1000", Arrays.copyOfRange(content, 100, 1000));
		assertPart(get(user, id, "Range", "bytes=-5000"), "bytes 0-999/1000", content);
		assertPart(get(user, id, "Range", "bytes=990-5000"), "bytes 990-999/1000",
				Arrays.copyOfRange(content, 990, 1000));
		HttpResponse<byte[]> beyond = get(user, id, "Range", "bytes=1000-");
		assertThat(beyond.statusCode()).isEqualTo(416);
		assertThat(beyond.headers().firstValue("Content-Range")).contains("bytes */1000");
		HttpResponse<byte[]> several = get(user, id, "Range", "bytes=0-1,5-6");
		assertThat(several.statusCode()).isEqualTo(200);
		assertThat(several.body()).isEqualTo(content);
	}

	@Test
	void ifRangeHonoursTheRangeOnlyForTheCurrentVersion() throws Exception {
		Account user = newUser();
		byte[] content = bytes(500, 12);
		String id = put(user, "/ir.bin", content).get("id").asString();
		HttpResponse<byte[]> full = get(user, id);
		String etag = full.headers().firstValue("ETag").orElseThrow();
		String lastModified = full.headers().firstValue("Last-Modified").orElseThrow();
		assertThat(etag).matches("\"[0-9a-f]{32}\"");
		assertThat(get(user, id, "Range", "bytes=10-19", "If-Range", etag).statusCode()).isEqualTo(206);
		assertThat(get(user, id, "Range", "bytes=10-19", "If-Range", lastModified).statusCode()).isEqualTo(206);
		HttpResponse<byte[]> stale = get(user, id, "Range", "bytes=10-19", "If-Range", "\"0123\"");
		assertThat(stale.statusCode()).isEqualTo(200);
		assertThat(stale.body()).isEqualTo(content);
		assertThat(get(user, id, "Range", "bytes=10-19", "If-Range", "Thu, 01 Jan 2015 00:00:00 GMT").statusCode())
			.isEqualTo(200);
	}

	@Test
	void etagsAndDatesAnswerNotModified() throws Exception {
		Account user = newUser();
		String id = put(user, "/e.bin", bytes(100, 13)).get("id").asString();
		HttpResponse<byte[]> full = get(user, id);
		String etag = full.headers().firstValue("ETag").orElseThrow();
		HttpResponse<byte[]> notModified = get(user, id, "If-None-Match", "\"other\", " + etag);
		assertThat(notModified.statusCode()).isEqualTo(304);
		assertThat(notModified.body()).isEmpty();
		assertThat(notModified.headers().firstValue("ETag")).contains(etag);
		assertThat(get(user, id, "If-None-Match", "W/" + etag).statusCode()).isEqualTo(304);
		assertThat(get(user, id, "If-None-Match", "\"other\"").statusCode()).isEqualTo(200);
		String lastModified = full.headers().firstValue("Last-Modified").orElseThrow();
		assertThat(get(user, id, "If-Modified-Since", lastModified).statusCode()).isEqualTo(304);
	}

	@Test
	void headAnswersTheHeadersWithoutTheBody() throws Exception {
		Account user = newUser();
		String id = put(user, "/h.bin", bytes(777, 14)).get("id").asString();
		HttpResponse<byte[]> head = send(user, id, "HEAD");
		assertThat(head.statusCode()).isEqualTo(200);
		assertThat(head.headers().firstValue("Content-Length")).contains("777");
		assertThat(head.headers().firstValue("Accept-Ranges")).contains("bytes");
		assertThat(head.headers().firstValue("ETag")).isPresent();
		assertThat(head.body()).isEmpty();
		HttpResponse<byte[]> ranged = send(user, id, "HEAD", "Range", "bytes=0-9");
		assertThat(ranged.statusCode()).isEqualTo(206);
		assertThat(ranged.headers().firstValue("Content-Range")).contains("bytes 0-9/777");
	}

	@Test
	void everyAnswerWithoutABodyIsAuditedButNoneIsADownload() throws Exception {
		Account user = newUser();
		String id = put(user, "/audited.bin", bytes(300, 15)).get("id").asString();
		String etag = get(user, id).headers().firstValue("ETag").orElseThrow();
		assertThat(send(user, id, "HEAD").statusCode()).isEqualTo(200);
		assertThat(get(user, id, "If-None-Match", etag).statusCode()).isEqualTo(304);
		assertThat(get(user, id, "Range", "bytes=300-").statusCode()).isEqualTo(416);
		// A body's record is written once it went out, which the client may see first.
		await().untilAsserted(() -> assertThat(AuditRows.actions(jdbc, id)).contains("file.download:success")
			.containsOnlyOnce("file.download_head:success", "file.download_not_modified:success",
					"file.download:failure"));
		assertThat(jdbc
			.sql("SELECT details FROM audit_log WHERE object_id = ? AND action = 'file.download' "
					+ "AND outcome = 'failure'")
			.param(id)
			.query(String.class)
			.single()).contains("\"reason\":\"range_not_satisfiable\"");
	}

	@Test
	void namesAreEncodedSafelyAndHtmlNeverRendersInline() throws Exception {
		Account user = newUser();
		byte[] html = "<!DOCTYPE html><html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
		String id = put(user, "/x/Grüße \"böse\"\\; name.html".replace("\\", "_"), html).get("id").asString();
		HttpResponse<byte[]> response = get(user, id);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
		assertThat(response.headers().firstValue("Content-Disposition")).contains(
				"attachment; filename=\"Gr__e _b_se__; name.html\"; filename*=UTF-8''Gr%C3%BC%C3%9Fe%20%22b%C3%B6se%22_%3B%20name.html");
		assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
		assertThat(response.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("sandbox");
		assertThat(response.body()).isEqualTo(html);
	}

	@Test
	void zeroByteFilesDownload() throws Exception {
		Account user = newUser();
		JsonNode file = put(user, "/empty", new byte[0]);
		assertThat(file.get("sha256").asString()).isEqualTo(sha256(new byte[0]));
		HttpResponse<byte[]> response = get(user, file.get("id").asString());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Length")).contains("0");
		assertThat(response.body()).isEmpty();
		HttpResponse<byte[]> ranged = get(user, file.get("id").asString(), "Range", "bytes=0-");
		assertThat(ranged.statusCode()).isEqualTo(416);
		assertThat(ranged.headers().firstValue("Content-Range")).contains("bytes */0");
	}

	@Test
	void curlResumesAHalfDownloadedFile() throws Exception {
		Account user = newUser();
		byte[] content = bytes(3_000_000, 15);
		String id = put(user, "/resume.bin", content).get("id").asString();
		Path dir = tempDir();
		String url = url("/api/v1/files/" + id + "/download");
		String auth = "Authorization: Bearer " + user.token();
		Curl half = curl(dir, "-H", auth, "-r", "0-1499999", "-o", "part.bin", url);
		assertThat(half.exit()).as(half.err()).isZero();
		assertThat(Files.size(dir.resolve("part.bin"))).isEqualTo(1_500_000);
		Curl resumed = curl(dir, "-H", auth, "-C", "-", "-o", "part.bin", url, "-w", "%{http_code}");
		assertThat(resumed.exit()).as(resumed.err()).isZero();
		assertThat(resumed.out()).isEqualTo("206");
		assertThat(sha256(Files.readAllBytes(dir.resolve("part.bin")))).isEqualTo(sha256(content));
	}

	@Test
	void deletingDuringADownloadEndsItCleanly(CapturedOutput output) throws Exception {
		Account user = newUser();
		byte[] content = bytes(24 * 1024 * 1024, 16);
		String id = put(user, "/deleted.bin", content).get("id").asString();
		HttpResponse<InputStream> download = http.send(request(user, id).GET().build(),
				HttpResponse.BodyHandlers.ofInputStream());
		assertThat(download.statusCode()).isEqualTo(200);
		MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
		boolean completed;
		try (InputStream body = download.body()) {
			byte[] first = body.readNBytes(128 * 1024);
			sha256.update(first);
			assertThat(api.delete("/api/v1/files/" + id, user.token()).status()).isEqualTo(204);
			completed = drain(body, sha256) + first.length == content.length;
		}
		catch (IOException ex) {
			completed = false;
		}
		if (completed) {
			assertThat(HexFormat.of().formatHex(sha256.digest())).isEqualTo(sha256(content));
		}
		assertThat(get(user, id).statusCode()).isEqualTo(404);
		assertThat(output.getOut()).doesNotContain("Unexpected error").doesNotContain("\" 500");
	}

	@Test
	void aClientThatHangsUpMidDownloadLeavesNoReadAheadBehind() throws Exception {
		Account user = newUser();
		String id = put(user, "/hang-up.bin", bytes(24 * 1024 * 1024, 17)).get("id").asString();
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.getOutputStream()
				.write(("GET /api/v1/files/" + id + "/download HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
						+ user.token() + "\r\n\r\n")
					.getBytes(StandardCharsets.US_ASCII));
			byte[] start = socket.getInputStream().readNBytes(256 * 1024);
			assertThat(new String(start, StandardCharsets.US_ASCII)).startsWith("HTTP/1.1 200");
			await().atMost(Duration.ofSeconds(30))
				.until(() -> readAhead.readers() == 1 && readAhead.bufferedBytes() > 0);
			socket.setSoLinger(true, 0);
		}
		await().atMost(Duration.ofSeconds(30)).until(() -> readAhead.readers() == 0);
		assertThat(readAhead.bufferedBytes()).isZero();
	}

	private static long drain(InputStream body, MessageDigest sha256) throws IOException {
		long total = 0;
		byte[] buffer = new byte[64 * 1024];
		for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
			sha256.update(buffer, 0, n);
			total += n;
		}
		return total;
	}

	private static void assertPart(HttpResponse<byte[]> response, String contentRange, byte[] expected) {
		assertThat(response.statusCode()).isEqualTo(206);
		assertThat(response.headers().firstValue("Content-Range")).contains(contentRange);
		assertThat(response.headers().firstValue("Content-Length")).contains(String.valueOf(expected.length));
		assertThat(response.body()).isEqualTo(expected);
	}

	private HttpResponse<byte[]> get(Account user, String id, String... headers) throws Exception {
		return send(user, id, "GET", headers);
	}

	private HttpResponse<byte[]> send(Account user, String id, String method, String... headers) throws Exception {
		HttpRequest.Builder request = request(user, id).method(method, HttpRequest.BodyPublishers.noBody());
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	private HttpRequest.Builder request(Account user, String id) {
		return api.builder("/api/v1/files/" + id + "/download", user.token());
	}

}
