package dev.ferry.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import dev.ferry.testing.Api;
import dev.ferry.testing.BrowserRun;
import dev.ferry.testing.Curl;
import dev.ferry.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A decrypting download in Chromium survives a reload of the share page
 * (web/e2e/age-resume-e2e.mjs): a 50 MB age file (Debian's age, uploaded with curl) is
 * half decrypted, the page reloaded, the download started again; the page asks for the
 * rest with a Range from a chunk boundary after the start, the server answers 206, and
 * the saved file has the original SHA-256.
 */
class E2eDownloadResumeUiEndToEndIntegrationTests extends IntegrationTest {

	private static final int SIZE = 50 * 1024 * 1024;

	@TempDir
	Path work;

	@Test
	void aDownloadReloadedMidwayContinuesWithARangeFromTheLastSavedChunk() throws Exception {
		Path key = work.resolve("key.txt");
		run("age-keygen", "-o", key.toString());
		String identity = Files.readAllLines(key)
			.stream()
			.filter((l) -> l.startsWith("AGE-SECRET-KEY-1"))
			.findFirst()
			.orElseThrow();
		String recipient = run("age-keygen", "-y", key.toString()).strip();
		byte[] plain = new byte[SIZE];
		new Random(50).nextBytes(plain);
		Path plainFile = Files.write(work.resolve("survey.bin"), plain);
		Path sealed = work.resolve("survey.age");
		run("age", "-r", recipient, "-o", sealed.toString(), plainFile.toString());
		String name = "resume-" + UUID.randomUUID().toString().substring(0, 8) + ".age";
		String token = adminToken();
		Api.Response upload = Curl.request("-X", "PUT", "-H", "Authorization: Bearer " + token, "--data-binary",
				"@" + sealed,
				api.base() + "/api/v1/files/content?path=" + URLEncoder.encode("/" + name, StandardCharsets.UTF_8));
		assertThat(upload.status()).as(upload.body()).isEqualTo(201);
		Api.Response transfer = api.post("/api/v1/transfers", Map.of("title", "Resume me", "file_ids",
				List.of(upload.json().get("id").asString()), "e2e", true, "link", Map.of()), token);
		assertThat(transfer.status()).as(transfer.body()).isEqualTo(201);
		String url = transfer.json().get("link").get("url").asString() + "#" + identity;

		JsonNode summary = BrowserRun.run("age-resume", port,
				Map.of("FERRY_AGE_URL", url, "FERRY_AGE_NAME", name, "FERRY_AGE_SHA",
						HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(plain))),
				Duration.ofMinutes(6));

		JsonNode resumed = summary.get("ranges").get(0);
		assertThat(resumed.get("status").asInt()).isEqualTo(206);
		long start = Long.parseLong(resumed.get("range").asString().replaceAll("bytes=(\\d+)-.*", "$1"));
		assertThat(start).isGreaterThan(payloadStart(sealed)).isLessThan(Files.size(sealed));
		assertThat((start - payloadStart(sealed)) % (64 * 1024 + 16)).as("a STREAM chunk boundary").isZero();
	}

	/**
	 * Where the age file's first STREAM chunk starts: after the header's MAC line and the
	 * 16-byte nonce.
	 */
	private static long payloadStart(Path sealed) throws IOException {
		try (InputStream in = Files.newInputStream(sealed)) {
			String head = new String(in.readNBytes(1024), StandardCharsets.ISO_8859_1);
			return head.indexOf('\n', head.indexOf("\n--- ") + 1) + 1 + 16;
		}
	}

	private static String run(String... command) {
		Curl.Result result = Curl.run(List.of(command));
		assertThat(result.exitCode()).as(result.output()).isZero();
		return result.output();
	}

}
