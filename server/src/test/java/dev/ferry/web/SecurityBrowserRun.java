package dev.ferry.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Runs one part of web/e2e/security-e2e.mjs against a server on {@code localhost} (a
 * passkey needs a host name) and answers its result, after checking what every part must
 * hold: no CSP violation, no script error, and axe-clean screens in light, dark and phone
 * width.
 */
final class SecurityBrowserRun {

	private SecurityBrowserRun() {
	}

	static JsonNode run(String part, int port, Map<String, String> env, List<String> screens) throws Exception {
		UiEndToEndIntegrationTests.requireBrowserTools();
		Path shots = UiEndToEndIntegrationTests.SCREENSHOTS;
		Files.createDirectories(shots);
		Path result = shots.resolve("security-" + part + "-result.json");
		Files.deleteIfExists(result);
		Path log = shots.resolve("security-" + part + "-e2e.log");
		ProcessBuilder builder = new ProcessBuilder(UiEndToEndIntegrationTests.node(), "e2e/security-e2e.mjs")
			.directory(UiEndToEndIntegrationTests.WEB.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		Map<String, String> all = new HashMap<>(env);
		all.putAll(Map.of("FERRY_URL", "http://localhost:" + port, "FERRY_E2E_PART", part, "FERRY_SCREENSHOTS",
				shots.toString(), "FERRY_E2E_RESULT", result.toString(), "CHROMIUM",
				UiEndToEndIntegrationTests.CHROMIUM));
		builder.environment().putAll(all);
		Process process = builder.start();
		if (!process.waitFor(10, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			fail("the browser run did not finish in 10 minutes; see " + log);
		}
		String output = Files.readString(log);
		assertThat(process.exitValue()).as(output).isZero();
		JsonNode summary = JsonMapper.builder().build().readTree(result.toFile());
		assertThat(summary.get("csp").size()).as(output).isZero();
		assertThat(summary.get("pageErrors").size()).as(output).isZero();
		for (String screen : screens) {
			for (String variant : List.of("light", "dark", "phone")) {
				String name = screen + "-" + variant;
				assertThat(summary.get("screens").get(name)).as(name).isNotNull();
				assertThat(summary.get("screens").get(name).size()).as("serious axe violations on " + name).isZero();
				assertThat(shots.resolve(name + ".png")).isNotEmptyFile();
			}
		}
		return summary;
	}

}
