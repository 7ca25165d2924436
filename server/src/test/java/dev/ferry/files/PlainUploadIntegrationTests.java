package dev.ferry.files;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import dev.ferry.testing.Api;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class PlainUploadIntegrationTests extends FilesTestSupport {

	@Autowired
	MeterRegistry meters;

	@Test
	void multipartWithTwoFilesAndAFolderStoresBoth() throws Exception {
		Account user = newUser();
		Path dir = tempDir();
		byte[] pdf = "%PDF-1.4\n%âãÏÓ\n1 0 obj <<>> endobj\n".getBytes(StandardCharsets.ISO_8859_1);
		byte[] data = bytes(300_000, 1);
		Files.write(dir.resolve("report.pdf"), pdf);
		Files.write(dir.resolve("data.bin"), data);
		double before = meters.counter("ferry.bytes.in", "channel", "plain").count();
		Curl curl = curl(dir, "-H", "Authorization: Bearer " + user.token(), "-F", "path=/docs/2026", "-F",
				"first=@report.pdf;type=text/plain", "-F", "second=@data.bin;filename=Grüße \"1\".bin",
				url("/api/v1/files"), "-w", "\n%{http_code}");
		assertThat(curl.out()).endsWith("\n201");
		JsonNode items = JsonMapper.builder().build().readTree(body(curl)).get("items");
		assertThat(items).hasSize(2);
		assertThat(items.get(0).get("path").asString()).isEqualTo("/docs/2026/report.pdf");
		assertThat(items.get(0).get("content_type").asString()).isEqualTo("application/pdf");
		assertThat(items.get(0).get("sha256").asString()).isEqualTo(sha256(pdf));
		assertThat(items.get(1).get("name").asString()).isEqualTo("Grüße \"1\".bin");
		assertThat(items.get(1).get("folder").asString()).isEqualTo("/docs/2026");
		assertThat(items.get(1).get("size").asLong()).isEqualTo(data.length);
		assertThat(items.get(1).get("sha256").asString()).isEqualTo(sha256(data));
		assertThat(items.get(1).get("created_at").asString()).endsWith("Z");
		assertThat(meters.counter("ferry.bytes.in", "channel", "plain").count() - before)
			.isGreaterThanOrEqualTo(pdf.length + data.length);
	}

	@Test
	void rawPutWithCurlUploadFileAndNameConflictsGetANumberWhenAsked() throws Exception {
		Account user = newUser();
		Path dir = tempDir();
		byte[] content = bytes(1_000_000, 2);
		Files.write(dir.resolve("a.bin"), content);
		String target = url("/api/v1/files/content?path=/docs/a.bin");
		Curl first = curl(dir, "-H", "Authorization: Bearer " + user.token(), "-T", "a.bin", target, "-D", "-");
		assertThat(first.out()).contains("HTTP/1.1 201");
		assertThat(first.out()).containsPattern("(?i)location: /api/v1/files/[0-9a-f-]{36}");
		assertThat(first.out()).contains("\"sha256\":\"" + sha256(content) + "\"");
		Curl second = curl(dir, "-H", "Authorization: Bearer " + user.token(), "-T", "a.bin",
				target + "&on_conflict=rename");
		assertThat(second.out()).contains("\"path\":\"/docs/a (1).bin\"");
	}

	@Test
	void rawPutStreamsTextAndJsonFilesLargerThanTheParsedBodyLimit() {
		Account user = newUser();
		byte[] json = ("[" + "1,".repeat(1_500_000) + "1]").getBytes(StandardCharsets.US_ASCII);
		Api.Response response = api.send(api.builder("/api/v1/files/content?path=/big.json", user.token())
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofByteArray(json)));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		assertThat(response.json().get("size").asLong()).isEqualTo(json.length);
		assertThat(response.json().get("sha256").asString()).isEqualTo(sha256(json));
	}

	@Test
	void quotaIsCheckedUpFrontAndWhileStreaming() throws Exception {
		Account user = newUser();
		put(user, "/used.bin", bytes(400, 3));
		setQuota(user, 1000);
		Api.Response known = api.send(api.builder("/api/v1/files/content?path=/big.bin", user.token())
			.PUT(HttpRequest.BodyPublishers.ofByteArray(bytes(5000, 4))));
		assertThat(known.status()).isEqualTo(413);
		assertThat(known.json().get("detail").asString()).contains("600 bytes left");
		assertThat(known.json().get("remaining_bytes").asLong()).isEqualTo(600);
		Api.Response chunked = api.send(api.builder("/api/v1/files/content?path=/big.bin", user.token())
			.PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes(700_000, 5)))));
		assertThat(chunked.status()).isEqualTo(413);
		assertThat(chunked.json().get("type").asString()).isEqualTo("/problems/quota-exceeded");
		Path dir = tempDir();
		Files.write(dir.resolve("small.bin"), bytes(500, 6));
		Files.write(dir.resolve("more.bin"), bytes(500, 7));
		Curl multipart = curl(dir, "-H", "Authorization: Bearer " + user.token(), "-F", "a=@small.bin", "-F",
				"b=@more.bin", url("/api/v1/files"), "-w", "\n%{http_code}");
		assertThat(multipart.out()).endsWith("\n413");
		JsonNode list = api.get("/api/v1/files", user.token()).json();
		assertThat(list.get("items")).hasSize(1);
		assertThat(list.get("items").get(0).get("name").asString()).isEqualTo("used.bin");
		assertThat(put(user, "/fits.bin", bytes(600, 8)).get("size").asLong()).isEqualTo(600);
	}

	@Test
	void parallelPutsWithALengthCannotTogetherPassTheQuota() throws Exception {
		Account user = newUser();
		setQuota(user, 1000);
		List<Api.Response> responses = race(8,
				(i) -> api.builder("/api/v1/files/content?path=/race-" + i + ".bin", user.token())
					.PUT(HttpRequest.BodyPublishers.ofByteArray(bytes(900, i))));
		assertOneFitAndNothingIsHeld(user, responses);
	}

	@Test
	void parallelChunkedPutsCannotTogetherPassTheQuota() throws Exception {
		Account user = newUser();
		setQuota(user, 1000);
		List<Api.Response> responses = race(8,
				(i) -> api.builder("/api/v1/files/content?path=/chunked-" + i + ".bin", user.token())
					.PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes(900, i)))));
		assertOneFitAndNothingIsHeld(user, responses);
	}

	/** Sends the requests from as many threads, released together. */
	private List<Api.Response> race(int count, IntFunction<HttpRequest.Builder> request) throws Exception {
		CyclicBarrier start = new CyclicBarrier(count);
		ExecutorService threads = Executors.newFixedThreadPool(count);
		try {
			List<Future<Api.Response>> sent = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				HttpRequest.Builder builder = request.apply(i);
				sent.add(threads.submit(() -> {
					start.await();
					return api.send(builder);
				}));
			}
			List<Api.Response> responses = new ArrayList<>();
			for (Future<Api.Response> response : sent) {
				responses.add(response.get());
			}
			return responses;
		}
		finally {
			threads.shutdownNow();
		}
	}

	private void assertOneFitAndNothingIsHeld(Account user, List<Api.Response> responses) {
		assertThat(responses).extracting(Api.Response::status).containsOnly(201, 413);
		assertThat(responses).filteredOn((r) -> r.status() == 201).hasSize(1);
		assertThat(responses).filteredOn((r) -> r.status() == 413)
			.allSatisfy((r) -> assertThat(r.json().get("type").asString()).isEqualTo("/problems/quota-exceeded"));
		long stored = jdbc.sql("SELECT COALESCE(SUM(size), 0) FROM files WHERE owner_id = ?")
			.param(user.id().toString())
			.query(Long.class)
			.single();
		assertThat(stored).isEqualTo(900);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM quota_reservations WHERE owner_id = ?")
			.param(user.id().toString())
			.query(Long.class)
			.single()).isZero();
		assertThat(put(user, "/after.bin", bytes(100, 9)).get("size").asLong()).isEqualTo(100);
	}

	@Test
	void traversalAndControlCharactersInNamesAreRejected() throws Exception {
		Account user = newUser();
		Api.Response traversal = api
			.send(api.builder("/api/v1/files/content?path=" + encode("/docs/../../etc/x"), user.token())
				.PUT(HttpRequest.BodyPublishers.ofString("x")));
		assertThat(traversal.status()).isEqualTo(400);
		assertThat(traversal.json().get("detail").asString()).contains("'..'");
		Api.Response control = api.send(api.builder("/api/v1/files/content?path=" + encode("/a\u0001b"), user.token())
			.PUT(HttpRequest.BodyPublishers.ofString("x")));
		assertThat(control.status()).isEqualTo(400);
		Path dir = tempDir();
		Files.writeString(dir.resolve("x.txt"), "x");
		Curl multipart = curl(dir, "-H", "Authorization: Bearer " + user.token(), "-F",
				"f=@x.txt;filename=../../evil.txt", url("/api/v1/files"), "-w", "\n%{http_code}");
		assertThat(multipart.out()).endsWith("\n400").contains("must not contain '/'");
		Api.Response noPath = api
			.send(api.builder("/api/v1/files/content", user.token()).PUT(HttpRequest.BodyPublishers.ofString("x")));
		assertThat(noPath.status()).isEqualTo(400);
		assertThat(api.get("/api/v1/files", user.token()).json().get("items")).isEmpty();
	}

	/**
	 * Found by MultipartUploadFuzzTests: commons-fileupload throws on a NUL in a part's
	 * filename, which answered 500 and kept the file stored before it.
	 */
	@Test
	void aNulInAPartsFileNameIsA400AndUndoesTheFilesBeforeIt() {
		Account user = newUser();
		String body = "--b\r\nContent-Disposition: form-data; name=\"a\"; filename=\"first.txt\"\r\n\r\nfirst\r\n"
				+ "--b\r\nContent-Disposition: form-data; name=\"b\"; filename=\"nul\u0000.txt\"\r\n\r\nsecond\r\n--b--\r\n";
		Api.Response response = api.send(api.builder("/api/v1/files", user.token())
			.header("Content-Type", "multipart/form-data; boundary=b")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("detail").asString()).contains("NUL");
		assertThat(api.get("/api/v1/files", user.token()).json().get("items")).isEmpty();
	}

	@Test
	void uploadsNeedAnAccount() {
		Api.Response response = api
			.send(api.builder("/api/v1/files/content?path=/a", null).PUT(HttpRequest.BodyPublishers.ofString("x")));
		assertThat(response.status()).isEqualTo(401);
	}

	private static String body(Curl curl) {
		return curl.out().substring(0, curl.out().lastIndexOf('\n'));
	}

}
