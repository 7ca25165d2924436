package dev.ferry.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import dev.ferry.testing.Api;
import dev.ferry.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The web UI in a real browser: web/e2e/ui-e2e.mjs drives Debian's Chromium through
 * playwright-core against this server. It signs in, uploads 50 MB over a throttled link,
 * reloads halfway and checks that tus continues from the server's offset, downloads the
 * file with the same SHA-256, scans every main screen with axe-core and fails on any CSP
 * violation. Screenshots (light and dark) land in target/screenshots.
 */
class UiEndToEndIntegrationTests extends IntegrationTest {

	static final Path WEB = Path.of("..", "web").toAbsolutePath().normalize();

	static final Path SCREENSHOTS = Path.of("target", "screenshots").toAbsolutePath();

	static final String CHROMIUM = System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");

	private static final List<String> SCREENS = List.of("signin", "files", "files-uploading", "files-resume",
			"files-delete-confirm", "files-no-match", "account", "account-api-key-created", "admin-users",
			"admin-audit", "setup", "register");

	@Test
	void uploadResumesAcrossAReloadAndEveryScreenIsAccessibleUnderTheCsp() throws Exception {
		requireBrowserTools();
		String email = "ada." + UUID.randomUUID().toString().substring(0, 8) + "@ferry.test";
		String password = "ui-e2e-password-" + UUID.randomUUID();
		Api.Response created = api.post("/api/v1/admin/users",
				Map.of("email", email, "password", password, "role", "admin", "name", "Ada Lovelace"), adminToken());
		assertThat(created.status()).as(created.body()).isEqualTo(201);

		Path result = SCREENSHOTS.resolve("result.json");
		Files.createDirectories(SCREENSHOTS);
		Files.deleteIfExists(result);
		Path log = SCREENSHOTS.resolve("ui-e2e.log");
		ProcessBuilder builder = new ProcessBuilder(node(), "e2e/ui-e2e.mjs").directory(WEB.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		builder.environment()
			.putAll(Map.of("FERRY_URL", "http://127.0.0.1:" + port, "FERRY_EMAIL", email, "FERRY_PASSWORD", password,
					"FERRY_SCREENSHOTS", SCREENSHOTS.toString(), "FERRY_E2E_RESULT", result.toString(), "CHROMIUM",
					CHROMIUM));
		Process process = builder.start();
		if (!process.waitFor(12, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			fail("the browser run did not finish in 12 minutes; see " + log);
		}
		String output = Files.readString(log);
		assertThat(process.exitValue()).as(output).isZero();

		JsonNode summary = JsonMapper.builder().build().readTree(result.toFile());
		JsonNode upload = summary.get("upload");
		long offset = upload.get("offsetAfterReload").asLong();
		assertThat(offset).as("bytes the server kept when the page reloaded")
			.isPositive()
			.isLessThan(upload.get("size").asLong());
		assertThat(upload.get("firstPatchOffset").asLong()).as("where the upload continued")
			.isGreaterThanOrEqualTo(offset)
			.isLessThan(upload.get("size").asLong());
		assertThat(upload.get("postsAfterReload").asInt()).as("new uploads created after the reload").isZero();
		assertThat(upload.get("downloadedSha256").asString()).isEqualTo(upload.get("sha256").asString());
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
		assertThat(SCREENSHOTS.resolve("files-phone.png")).isNotEmptyFile();
	}

	/**
	 * A missing browser or Node fails the test (never skips it): bin/test installs both,
	 * and the web module's build installs playwright-core and axe-core.
	 */
	static void requireBrowserTools() {
		List<String> missing = new ArrayList<>();
		if (!Files.isExecutable(Path.of(CHROMIUM))) {
			missing.add("Chromium at " + CHROMIUM + " (apt-get install chromium)");
		}
		if (!runs(node(), "--version")) {
			missing.add("Node.js 20+ on the PATH");
		}
		if (!Files.isDirectory(WEB.resolve("node_modules/playwright-core"))
				|| !Files.isDirectory(WEB.resolve("node_modules/axe-core"))) {
			missing.add("web/node_modules (build the web module first: mvn -pl web,server ...)");
		}
		if (!missing.isEmpty()) {
			fail("The browser end-to-end test needs " + String.join(", ", missing)
					+ ". Run bin/test, which installs what is missing.");
		}
	}

	static String node() {
		return System.getenv().getOrDefault("NODE", "node");
	}

	private static boolean runs(String... command) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			process.getInputStream().readAllBytes();
			return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
