package dev.ferry.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import dev.ferry.testing.Api;
import dev.ferry.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static dev.ferry.web.UiEndToEndIntegrationTests.CHROMIUM;
import static dev.ferry.web.UiEndToEndIntegrationTests.SCREENSHOTS;
import static dev.ferry.web.UiEndToEndIntegrationTests.WEB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Native downloads in a real browser: web/e2e/downloads-e2e.mjs downloads an owner file
 * from the Files page, the audit export and a password-protected share file, and checks
 * that Chromium's download manager saved each (same SHA-256 as uploaded) from a ticket
 * URL, with no script fetching the file with the Authorization header.
 */
class DownloadUiEndToEndIntegrationTests extends IntegrationTest {

	private static final List<String> SCREENS = List.of("downloads-files", "downloads-share");

	@Test
	void filesAuditExportsAndLockedSharesDownloadNatively() throws Exception {
		UiEndToEndIntegrationTests.requireBrowserTools();
		String email = "dl." + UUID.randomUUID().toString().substring(0, 8) + "@ferry.test";
		String password = "downloads-e2e-password-" + UUID.randomUUID();
		Api.Response created = api.post("/api/v1/admin/users",
				Map.of("email", email, "password", password, "role", "admin", "name", "Ada Download"), adminToken());
		assertThat(created.status()).as(created.body()).isEqualTo(201);

		Path result = SCREENSHOTS.resolve("downloads-result.json");
		Files.createDirectories(SCREENSHOTS);
		Files.deleteIfExists(result);
		Path log = SCREENSHOTS.resolve("downloads-e2e.log");
		ProcessBuilder builder = new ProcessBuilder(UiEndToEndIntegrationTests.node(), "e2e/downloads-e2e.mjs")
			.directory(WEB.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		builder.environment()
			.putAll(Map.of("FERRY_URL", "http://127.0.0.1:" + port, "FERRY_EMAIL", email, "FERRY_PASSWORD", password,
					"FERRY_SCREENSHOTS", SCREENSHOTS.toString(), "FERRY_E2E_RESULT", result.toString(), "CHROMIUM",
					CHROMIUM));
		Process process = builder.start();
		if (!process.waitFor(6, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			fail("the browser run did not finish in 6 minutes; see " + log);
		}
		String output = Files.readString(log);
		assertThat(process.exitValue()).as(output).isZero();

		JsonNode summary = JsonMapper.builder().build().readTree(result.toFile());
		for (String download : List.of("owner-file", "share-file")) {
			assertThat(summary.get("downloads").get(download).get("size").asLong()).as(download).isEqualTo(3_000_000);
			assertThat(summary.get("downloads").get(download).get("ticket").asBoolean()).as(download).isTrue();
		}
		assertThat(summary.get("downloads").get("audit-export").get("filename").asString()).endsWith(".csv");
		assertThat(summary.get("csp").size()).as(output).isZero();
		assertThat(summary.get("pageErrors").size()).as(output).isZero();
		for (String screen : SCREENS) {
			for (String scheme : List.of("light", "dark")) {
				String name = screen + "-" + scheme;
				assertThat(summary.get("screens").get(name).size()).as("serious axe violations on " + name).isZero();
				assertThat(SCREENSHOTS.resolve(name + ".png")).isNotEmptyFile();
			}
			assertThat(SCREENSHOTS.resolve(screen + "-phone.png")).isNotEmptyFile();
		}
	}

}
