package dev.ferry.share;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What uses up a link's {@code max_downloads}, driven with the real curl and read back
 * through the owner's API (downloads left, activity): every body counts except a share
 * session's resume of a download it was counted for; HEAD never counts.
 */
class ShareDownloadCountingIntegrationTests extends ShareIntegrationTest {

	@Test
	void headAnswersHeadersOnlyAndNeverCounts() throws Exception {
		Account owner = newUser();
		String fileId = upload(owner, "/head-report.txt", "quarterly numbers".getBytes());
		String transferId = transfer(owner, fileId).get("id").asString();
		String token = tokenOf(link(owner, transferId, Map.of("max_downloads", 3)));
		String zip = api.base() + "/api/v1/share/" + token + "/download";
		String file = api.base() + "/api/v1/share/" + token + "/files/" + fileId + "/download";
		Path dir = Files.createTempDirectory("ferry-share-count-");

		for (int i = 0; i < 3; i++) {
			Curl head = curl(dir, "-I", "-o", "headers.txt", "-w", "%{http_code} %{content_type}", zip);
			assertThat(head.out()).as(head.err()).isEqualTo("200 application/zip");
			assertThat(curl(dir, "-I", "-o", "headers.txt", "-w", "%{http_code}", file).out()).isEqualTo("200");
		}
		assertThat(downloadsLeft(owner, transferId)).isEqualTo(3);
		assertThat(activity(owner, transferId)).isEmpty();
		assertThat(auditActions(linkId(owner, transferId))).contains("share.download_head:success")
			.doesNotContain("share.download_started:success");

		for (int i = 0; i < 3; i++) {
			assertThat(curl(dir, "-o", "all.zip", "-w", "%{http_code}", zip).out()).isEqualTo("200");
		}
		assertThat(curl(dir, "-o", "all.zip", "-w", "%{http_code}", zip).out()).isEqualTo("410");
		assertThat(downloadsLeft(owner, transferId)).isZero();
		assertThat(activity(owner, transferId)).hasSize(3);
	}

	@Test
	void notModifiedAndUnsatisfiableAnswersAreAuditedButNeverCount() throws Exception {
		Account owner = newUser();
		String fileId = upload(owner, "/conditional.txt", "minutes of the meeting".getBytes());
		String transferId = transfer(owner, fileId).get("id").asString();
		String token = tokenOf(link(owner, transferId, Map.of("max_downloads", 3)));
		String file = api.base() + "/api/v1/share/" + token + "/files/" + fileId + "/download";
		Path dir = Files.createTempDirectory("ferry-share-count-");

		assertThat(curl(dir, "-D", "headers.txt", "-o", "body.txt", "-w", "%{http_code}", file).out()).isEqualTo("200");
		String etag = Files.readAllLines(dir.resolve("headers.txt"))
			.stream()
			.filter((line) -> line.toLowerCase(Locale.ROOT).startsWith("etag:"))
			.map((line) -> line.substring("etag:".length()).trim())
			.findFirst()
			.orElseThrow();
		assertThat(curl(dir, "-H", "If-None-Match: " + etag, "-o", "body.txt", "-w", "%{http_code}", file).out())
			.isEqualTo("304");
		assertThat(curl(dir, "-r", "5000-", "-o", "body.txt", "-w", "%{http_code}", file).out()).isEqualTo("416");

		assertThat(downloadsLeft(owner, transferId)).isEqualTo(2);
		assertThat(activity(owner, transferId)).hasSize(1);
		// A body's record is written once it went out, which the client may see first.
		String link = linkId(owner, transferId);
		await().untilAsserted(() -> assertThat(auditActions(link)).contains("share.download_completed:success")
			.containsOnlyOnce("share.download_not_modified:success", "share.download:failure"));
	}

	@Test
	void aShareSessionCountsEveryDownloadButTheResumeOfOneItWasCountedFor() throws Exception {
		Account owner = newUser();
		byte[] content = new byte[300_000];
		new Random(11).nextBytes(content);
		String fileId = upload(owner, "/counted.bin", content);
		String transferId = transfer(owner, fileId).get("id").asString();
		String token = tokenOf(link(owner, transferId, Map.of("max_downloads", 4)));
		String session = publicPost("/api/v1/share/" + token + "/unlock", Map.of()).json()
			.get("session_token")
			.asString();
		String header = "X-Share-Session: " + session;
		String url = api.base() + "/api/v1/share/" + token + "/files/" + fileId + "/download";
		Path dir = Files.createTempDirectory("ferry-share-count-");

		assertThat(curl(dir, "-H", header, "-r", "0-99999", "-o", "part.bin", "-w", "%{http_code}", url).out())
			.isEqualTo("206");
		assertThat(downloadsLeft(owner, transferId)).isEqualTo(3);
		assertThat(curl(dir, "-H", header, "-C", "-", "-o", "part.bin", "-w", "%{http_code}", url).out())
			.as("a resume of the counted download")
			.isEqualTo("206");
		assertThat(sha256(Files.readAllBytes(dir.resolve("part.bin")))).isEqualTo(sha256(content));
		assertThat(downloadsLeft(owner, transferId)).isEqualTo(3);

		assertThat(curl(dir, "-H", header, "-o", "again.bin", "-w", "%{http_code}", url).out()).isEqualTo("200");
		assertThat(downloadsLeft(owner, transferId)).as("the same session downloading again").isEqualTo(2);
		assertThat(curl(dir, "-H", header, "-r", "0-", "-o", "zero.bin", "-w", "%{http_code}", url).out())
			.isEqualTo("206");
		assertThat(downloadsLeft(owner, transferId)).as("bytes=0- after a complete download").isEqualTo(1);
		assertThat(curl(dir, "--interface", "127.0.0.2", "-H", header, "-r", "150000-199999", "-o", "handed.bin", "-w",
				"%{http_code}", url)
			.out()).isEqualTo("206");
		assertThat(downloadsLeft(owner, transferId)).as("a handed-on session re-fetching served bytes").isZero();

		assertThat(curl(dir, "--interface", "127.0.0.3", "-H", header, "-r", "200000-", "-o", "tail.bin", "-w",
				"%{http_code}", url)
			.out()).as("continuing the counted download, on an exhausted link").isEqualTo("206");
		assertThat(Files.size(dir.resolve("tail.bin"))).isEqualTo(100_000);
		assertThat(curl(dir, "--interface", "127.0.0.3", "-H", header, "-r", "250000-", "-o", "late.bin", "-w",
				"%{http_code}", url)
			.out()).as("bytes served already").isEqualTo("410");
		assertThat(downloadsLeft(owner, transferId)).isZero();
		List<JsonNode> activity = activity(owner, transferId);
		assertThat(activity).hasSize(6);
		assertThat(activity.stream().map((item) -> item.get("ip").asString())).contains("127.0.0.1", "127.0.0.2",
				"127.0.0.3");
	}

	@Test
	void everyZipDownloadCountsEvenWithOneSession() throws Exception {
		Account owner = newUser();
		String a = upload(owner, "/zip-a.txt", "a".getBytes());
		String b = upload(owner, "/zip-b.txt", "b".getBytes());
		String transferId = transfer(owner, a, b).get("id").asString();
		String token = tokenOf(link(owner, transferId, Map.of("max_downloads", 2, "password", "zip-count")));
		String session = publicPost("/api/v1/share/" + token + "/unlock", Map.of("password", "zip-count")).json()
			.get("session_token")
			.asString();
		String zip = api.base() + "/api/v1/share/" + token + "/download";
		Path dir = Files.createTempDirectory("ferry-share-count-");

		for (String expected : new String[] { "200", "200", "410" }) {
			assertThat(curl(dir, "-H", "X-Share-Session: " + session, "-r", "0-", "-o", "all.zip", "-w", "%{http_code}",
					zip)
				.out()).isEqualTo(expected);
		}
		assertThat(downloadsLeft(owner, transferId)).isZero();
	}

	private int downloadsLeft(Account owner, String transferId) {
		return api.get("/api/v1/transfers/" + transferId, owner.token())
			.json()
			.get("shares")
			.get(0)
			.get("downloads_left")
			.asInt();
	}

	private String linkId(Account owner, String transferId) {
		return api.get("/api/v1/transfers/" + transferId, owner.token())
			.json()
			.get("shares")
			.get(0)
			.get("id")
			.asString();
	}

	private List<JsonNode> activity(Account owner, String transferId) {
		List<JsonNode> items = new ArrayList<>();
		api.get("/api/v1/transfers/" + transferId + "/activity?limit=100", owner.token())
			.json()
			.get("items")
			.forEach(items::add);
		return items;
	}

	record Curl(int exit, String out, String err) {
	}

	/** Runs the real curl; {@code -sS} is always on. */
	static Curl curl(Path workDir, String... args) {
		List<String> command = new ArrayList<>(List.of("curl", "-sS"));
		command.addAll(List.of(args));
		try {
			Process process = new ProcessBuilder(command).directory(workDir.toFile()).start();
			process.getOutputStream().close();
			byte[] out = process.getInputStream().readAllBytes();
			byte[] err = process.getErrorStream().readAllBytes();
			assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("curl finished").isTrue();
			return new Curl(process.exitValue(), new String(out), new String(err));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static String sha256(byte[] content) throws NoSuchAlgorithmException {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
	}

}
