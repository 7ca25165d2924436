package dev.ferry.upload;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import dev.ferry.auth.Role;
import dev.ferry.testing.Api;
import dev.ferry.testing.Curl;
import dev.ferry.testing.IntegrationTest;
import dev.ferry.testing.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static dev.ferry.upload.TusSpecificationIntegrationTests.MIB;
import static dev.ferry.upload.TusSpecificationIntegrationTests.random;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The IETF resumable-upload draft (draft-ietf-httpbis-resumable-upload, interop version
 * 8) at the tus endpoint: curl, a raw-socket client written against the draft (it reads
 * the 104 interim response and is cut off mid-body), and Java's HttpClient for the rest.
 */
class ResumableUploadDraftIntegrationTests extends IntegrationTest {

	private static final String INTEROP = "Upload-Draft-Interop-Version";

	@Autowired
	private JdbcClient jdbc;

	private Tus tus;

	private TestAccounts.Account user;

	@BeforeEach
	void signIn() {
		tus = new Tus(api);
		user = new TestAccounts(api, adminToken()).user();
	}

	@Test
	void optionsAdvertisesPartialUploadAndTheLimits() {
		Api.Response options = api
			.send(api.builder(Tus.BASE, null).method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
		assertThat(options.status()).isEqualTo(204);
		assertThat(options.header("Accept-Patch")).contains("application/partial-upload");
		assertThat(options.header("Upload-Limit")).contains("max-size=" + 100L * 1024 * 1024 * 1024)
			.contains("min-append-size=" + MIB)
			.contains("max-age=86400");
	}

	@Test
	void carefulCreationThenAppendsCompleteTheUpload() {
		byte[] content = random(MIB + 20_000);
		Api.Response created = api.send(draft(Tus.BASE).header("Upload-Complete", "?0")
			.header("Upload-Length", Integer.toString(content.length))
			.header("Content-Disposition", "inline; filename=\"draft report.bin\"")
			.POST(HttpRequest.BodyPublishers.noBody()));
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.header("Upload-Complete")).isEqualTo("?0");
		assertThat(created.header("Upload-Limit")).contains("min-append-size=");
		String location = created.header("Location");
		assertThat(location).matches("/api/v1/uploads/[0-9a-f-]{36}");

		Api.Response head = offset(location);
		assertThat(head.status()).isEqualTo(204);
		assertThat(head.header("Upload-Offset")).isEqualTo("0");
		assertThat(head.header("Upload-Complete")).isEqualTo("?0");
		assertThat(head.header("Upload-Length")).isEqualTo(Integer.toString(content.length));
		assertThat(head.header("Cache-Control")).contains("no-store");

		Api.Response first = append(location, 0, false, Arrays.copyOfRange(content, 0, MIB));
		assertThat(first.status()).isEqualTo(204);
		assertThat(first.header("Upload-Complete")).isEqualTo("?0");
		assertThat(first.header("Upload-Offset")).isEqualTo(Integer.toString(MIB));

		Api.Response last = append(location, MIB, true, Arrays.copyOfRange(content, MIB, content.length));
		assertThat(last.status()).isEqualTo(200);
		assertThat(last.header("Upload-Complete")).isEqualTo("?1");
		String id = location.substring(Tus.BASE.length() + 1);
		assertThat(last.header("Link")).isEqualTo("</api/v1/files/" + id + ">; rel=\"file\"");
		assertThat(api.get("/api/v1/files/" + id, user.token()).json().get("name").asString())
			.isEqualTo("draft report.bin");
		assertThat(tus.download(id, user.token())).isEqualTo(content);
		assertThat(offset(location).header("Upload-Complete")).isEqualTo("?1");
	}

	@Test
	void curlSeesThe104WithTheUploadUrlBeforeTheFinalResponse(@TempDir Path dir) throws IOException {
		// Larger than FERRY_MAX_BODY_SIZE: curl declares the body a form, yet it is a
		// file.
		byte[] content = random(1_500_000);
		Path file = Files.write(dir.resolve("whole.bin"), content);
		List<String> command = List.of("curl", "-sS", "-i", "--max-time", "60", "-X", "POST", "-H",
				"Authorization: Bearer " + user.token(), "-H", INTEROP + ": 8", "-H", "Upload-Complete: ?1", "-H",
				"Content-Disposition: attachment; filename*=UTF-8''r%C3%A9sum%C3%A9.bin", "--data-binary", "@" + file,
				api.base() + Tus.BASE);
		Curl.Result result = Curl.run(command);
		assertThat(result.exitCode()).as(result.output()).isZero();
		String output = result.output();
		int interim = output.indexOf("HTTP/1.1 104 Upload Resumption Supported");
		int last = output.indexOf("HTTP/1.1 200");
		assertThat(interim).as(output).isGreaterThanOrEqualTo(0);
		assertThat(last).as(output).isGreaterThan(interim);
		String interimHead = output.substring(interim, last);
		assertThat(interimHead).contains(INTEROP + ": 8").containsPattern("Location: /api/v1/uploads/[0-9a-f-]{36}");
		String id = interimHead.replaceAll("(?s).*Location: /api/v1/uploads/([0-9a-f-]{36}).*", "$1");
		assertThat(output.substring(last)).contains("Upload-Complete: ?1");
		assertThat(api.get("/api/v1/files/" + id, user.token()).json().get("name").asString()).isEqualTo("résumé.bin");
		assertThat(tus.download(id, user.token())).isEqualTo(content);
	}

	@Test
	void aClientOfAnotherInteropVersionGetsNo104() {
		String output = Curl.run(List.of("curl", "-sS", "-i", "-X", "POST", "-H",
				"Authorization: Bearer " + user.token(), "-H", INTEROP + ": 7", "-H", "Upload-Complete: ?1", "-H",
				"Content-Disposition: inline; filename=a.txt", "--data-binary", "hello", api.base() + Tus.BASE))
			.output();
		assertThat(output).doesNotContain(" 104 ").contains("HTTP/1.1 200");
	}

	@Test
	void anUploadCutOffMidBodyResumesFromTheOffsetTheServerReports() throws IOException {
		byte[] content = random(5 * MIB);
		String location;
		try (Socket socket = new Socket("127.0.0.1", port)) {
			OutputStream out = socket.getOutputStream();
			out.write(("POST " + Tus.BASE + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + user.token()
					+ "\r\n" + INTEROP + ": 8\r\nUpload-Complete: ?1\r\nContent-Disposition: inline; filename=cut.bin"
					+ "\r\nContent-Type: application/octet-stream\r\nContent-Length: " + content.length + "\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			String interim = readHead(socket.getInputStream());
			assertThat(interim).startsWith("HTTP/1.1 104 Upload Resumption Supported\r\n").contains(INTEROP + ": 8");
			location = interim.replaceAll("(?s).*\r\nLocation: ([^\r]+)\r\n.*", "$1");
			out.write(content, 0, 3 * MIB + 12_345);
			out.flush();
		}
		long offset = await().atMost(Duration.ofSeconds(30))
			.until(() -> Long.parseLong(offset(location).header("Upload-Offset")), (value) -> value > 0);
		assertThat(offset).isLessThanOrEqualTo(3 * MIB + 12_345);
		assertThat(offset(location).header("Upload-Complete")).isEqualTo("?0");

		Api.Response rest = append(location, offset, true, Arrays.copyOfRange(content, (int) offset, content.length));
		assertThat(rest.status()).isEqualTo(200);
		assertThat(rest.header("Upload-Complete")).isEqualTo("?1");
		assertThat(tus.download(location.substring(Tus.BASE.length() + 1), user.token())).isEqualTo(content);
	}

	@Test
	void anAppendAtAnotherOffsetAnswers409WithTheExpectedOffset() {
		String location = createEmpty(MIB + 10);
		Api.Response response = append(location, 5, false, random(MIB));
		assertThat(response.status()).isEqualTo(409);
		assertThat(response.header("Upload-Offset")).isEqualTo("0");
		assertThat(response.json().get("type").asString())
			.isEqualTo("https://iana.org/assignments/http-problem-types#mismatching-upload-offset");
		assertThat(response.json().get("expected-offset").asLong()).isZero();
		assertThat(response.json().get("provided-offset").asLong()).isEqualTo(5);
	}

	/**
	 * A client of the final RFC gets no 104, so a refused creation request leaves it
	 * without the upload's URL: nothing of the upload may stay behind.
	 */
	@Test
	void aRefusedCreationWithoutThe104LeavesNoUploadBehind() {
		TestAccounts.Account small = new TestAccounts(api, adminToken()).create(Role.USER, 1000L);
		Api.Response refused = api.send(api.builder(Tus.BASE, small.token())
			.header("Upload-Complete", "?0")
			.header("Content-Disposition", "inline; filename=\"big.bin\"")
			.POST(HttpRequest.BodyPublishers.ofByteArray(random(2000))));
		assertThat(refused.status()).as(refused.body()).isEqualTo(413);
		assertThat(refused.header("Location")).isNull();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM uploads WHERE owner_id = ?")
			.param(small.id().toString())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void lengthsThatDisagreeAnswerInconsistentUploadLength() {
		Api.Response response = api.send(draft(Tus.BASE).header("Upload-Complete", "?1")
			.header("Upload-Length", "99")
			.header("Content-Disposition", "inline; filename=x.bin")
			.POST(HttpRequest.BodyPublishers.ofByteArray(random(10))));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("type").asString())
			.isEqualTo("https://iana.org/assignments/http-problem-types#inconsistent-upload-length");

		String location = createEmpty(20);
		Api.Response append = api.send(draft(location).header("Upload-Complete", "?1")
			.header("Upload-Offset", "0")
			.header("Content-Type", "application/partial-upload")
			.method("PATCH", HttpRequest.BodyPublishers.ofByteArray(random(30))));
		assertThat(append.status()).isEqualTo(400);
		assertThat(append.json().get("type").asString()).endsWith("#inconsistent-upload-length");
		assertThat(offset(location).header("Upload-Offset")).isEqualTo("0");
		Api.Response declaredOther = api.send(draft(location).header("Upload-Complete", "?1")
			.header("Upload-Offset", "0")
			.header("Upload-Length", "40")
			.header("Content-Type", "application/partial-upload")
			.method("PATCH", HttpRequest.BodyPublishers.ofByteArray(random(20))));
		assertThat(declaredOther.status()).isEqualTo(400);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE object_id = ? AND action = 'upload.failed'")
			.param(location.substring(location.lastIndexOf('/') + 1))
			.query(Long.class)
			.single()).as("both refusals of the upload on the trail").isEqualTo(2);

		String name = "empty-" + UUID.randomUUID() + ".bin";
		Api.Response emptyWithBytes = api.send(draft(Tus.BASE).header("Upload-Complete", "?0")
			.header("Upload-Length", "0")
			.header("Content-Disposition", "inline; filename=" + name)
			.POST(HttpRequest.BodyPublishers.ofByteArray(random(10))));
		assertThat(emptyWithBytes.status()).as("an empty upload takes no bytes").isEqualTo(400);
		assertThat(emptyWithBytes.json().get("type").asString()).endsWith("#inconsistent-upload-length");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM files WHERE name = ?").param(name).query(Long.class).single())
			.isZero();
	}

	@Test
	void aCompletedUploadTakesNoMoreBytes() {
		String location = createEmpty(10);
		assertThat(append(location, 0, true, random(10)).status()).isEqualTo(200);
		Api.Response more = append(location, 10, true, random(5));
		assertThat(more.status()).isEqualTo(400);
		assertThat(more.json().get("type").asString())
			.isEqualTo("https://iana.org/assignments/http-problem-types#completed-upload");
		Api.Response japanese = api.send(api.builder(location, user.token())
			.header(INTEROP, "8")
			.header("Upload-Complete", "?1")
			.header("Upload-Offset", "10")
			.header("Content-Type", "application/partial-upload")
			.header("Accept-Language", "ja")
			.method("PATCH", HttpRequest.BodyPublishers.ofByteArray(random(5))));
		assertThat(japanese.json().get("type").asString()).isEqualTo(more.json().get("type").asString());
		assertThat(japanese.json().get("title").asString()).isEqualTo("アップロードは完了しています");
		assertThat(japanese.json().get("detail").asString()).isEqualTo("このアップロードは完了しており、これ以上のデータは受け付けません。");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE object_id = ? AND action = 'upload.failed'")
			.param(location.substring(location.lastIndexOf('/') + 1))
			.query(Long.class)
			.single()).as("both refusals on the trail").isEqualTo(2);
	}

	@Test
	void appendsNeedThePartialUploadTypeAndUploadComplete() {
		String location = createEmpty(100);
		Api.Response wrongType = api.send(draft(location).header("Upload-Complete", "?1")
			.header("Upload-Offset", "0")
			.header("Content-Type", "application/octet-stream")
			.method("PATCH", HttpRequest.BodyPublishers.ofByteArray(random(100))));
		assertThat(wrongType.status()).isEqualTo(415);
		Api.Response noComplete = api.send(draft(location).header(INTEROP, "8")
			.header("Upload-Offset", "0")
			.header("Content-Type", "application/partial-upload")
			.method("PATCH", HttpRequest.BodyPublishers.ofByteArray(random(100))));
		assertThat(noComplete.status()).isEqualTo(400);
		assertThat(noComplete.json().get("type").asString()).isEqualTo("/problems/upload-complete-required");
		assertThat(offset(location).header("Upload-Offset")).isEqualTo("0");
	}

	@Test
	void cancellationDeletesTheUpload() {
		String location = createEmpty(MIB + 1);
		Api.Response deleted = api.send(api.builder(location, user.token()).DELETE());
		assertThat(deleted.status()).isEqualTo(204);
		assertThat(offset(location).status()).isEqualTo(404);
	}

	private String createEmpty(long length) {
		Api.Response created = api.send(draft(Tus.BASE).header("Upload-Complete", "?0")
			.header("Upload-Length", Long.toString(length))
			.header("Content-Disposition", "inline; filename=\"d.bin\"")
			.POST(HttpRequest.BodyPublishers.noBody()));
		assertThat(created.status()).isEqualTo(201);
		return created.header("Location");
	}

	/**
	 * A request as a client of the final RFC sends it: no interop version, so the server
	 * sends no 104 (Java's HttpClient on JDK 17 does not expect one).
	 */
	private HttpRequest.Builder draft(String path) {
		return api.builder(path, user.token());
	}

	private Api.Response offset(String location) {
		return api.send(api.builder(location, user.token())
			.header(INTEROP, "8")
			.method("HEAD", HttpRequest.BodyPublishers.noBody()));
	}

	private Api.Response append(String location, long offset, boolean complete, byte[] body) {
		return api.send(api.builder(location, user.token())
			.header(INTEROP, "8")
			.header("Upload-Complete", complete ? "?1" : "?0")
			.header("Upload-Offset", Long.toString(offset))
			.header("Content-Type", "application/partial-upload")
			.method("PATCH", HttpRequest.BodyPublishers.ofByteArray(body)));
	}

	/** Reads one response head, up to and including the blank line. */
	private static String readHead(InputStream in) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		while (true) {
			int next = in.read();
			if (next < 0) {
				throw new IOException("connection closed inside a response head: " + head);
			}
			head.write(next);
			String text = head.toString(StandardCharsets.US_ASCII);
			if (text.endsWith("\r\n\r\n")) {
				return text;
			}
		}
	}

}
