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
 * Sharing in a real browser: web/e2e/share-e2e.mjs creates a transfer with a password and
 * a download limit, opens the link in a second browser profile without an account,
 * unlocks it, downloads the file with the same SHA-256 and finds the download in the
 * sender's activity and the audit log; the new screens are scanned with axe-core in light
 * and dark.
 */
class ShareUiEndToEndIntegrationTests extends IntegrationTest {

	private static final List<String> SCREENS = List.of("transfer-new", "transfer-created", "share-locked",
			"share-files", "share-not-found", "transfers", "request-created", "request-public", "requests");

	@Test
	void aStrangerUnlocksASharedLinkAndDownloadsTheExactFile() throws Exception {
		UiEndToEndIntegrationTests.requireBrowserTools();
		String email = "grace." + UUID.randomUUID().toString().substring(0, 8) + "@ferry.test";
		String password = "share-e2e-password-" + UUID.randomUUID();
		Api.Response created = api.post("/api/v1/admin/users",
				Map.of("email", email, "password", password, "role", "admin", "name", "Grace Hopper"), adminToken());
		assertThat(created.status()).as(created.body()).isEqualTo(201);

		Path result = SCREENSHOTS.resolve("share-result.json");
		Files.createDirectories(SCREENSHOTS);
		Files.deleteIfExists(result);
		Path log = SCREENSHOTS.resolve("share-e2e.log");
		ProcessBuilder builder = new ProcessBuilder(UiEndToEndIntegrationTests.node(), "e2e/share-e2e.mjs")
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
		assertThat(summary.get("download").get("size").asLong()).isEqualTo(1_500_000);
		assertThat(summary.get("csp").size()).as(output).isZero();
		assertThat(summary.get("pageErrors").size()).as(output).isZero();
		for (String screen : SCREENS) {
			for (String scheme : List.of("light", "dark")) {
				String name = screen + "-" + scheme;
				assertThat(summary.get("screens").get(name)).as(name).isNotNull();
				assertThat(summary.get("screens").get(name).size()).as("serious axe violations on " + name).isZero();
				assertThat(SCREENSHOTS.resolve(name + ".png")).isNotEmptyFile();
			}
		}
	}

}
