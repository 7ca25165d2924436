package dev.ferry.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs one web/e2e script in Node with Debian's Chromium (playwright-core from web/'s
 * node_modules, which the web module's build installs) and reads the JSON it writes. A
 * missing browser or Node fails the test, never skips it.
 */
final class BrowserScript {

	private static final Path WEB = Path.of("..", "web").toAbsolutePath().normalize();

	private static final String CHROMIUM = System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");

	private BrowserScript() {
	}

	static JsonNode run(String script, Map<String, String> env, Path work, Duration timeout) throws Exception {
		assertThat(Path.of(CHROMIUM)).as("Chromium (apt-get install chromium)").isExecutable();
		assertThat(WEB.resolve("node_modules/playwright-core")).as("web/node_modules (npm ci in web/)").isDirectory();
		Path result = work.resolve(script + "-result.json");
		Path log = work.resolve(script + ".log");
		ProcessBuilder builder = new ProcessBuilder("node", "e2e/" + script + ".mjs").directory(WEB.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		builder.environment().putAll(env);
		builder.environment().putAll(Map.of("FERRY_E2E_RESULT", result.toString(), "CHROMIUM", CHROMIUM));
		Process process = builder.start();
		if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
			process.destroyForcibly();
		}
		String output = Files.readString(log, StandardCharsets.UTF_8);
		assertThat(process.isAlive()).as("still running after " + timeout + ": " + output).isFalse();
		assertThat(process.exitValue()).as(output).isZero();
		JsonNode summary = Json.parse(Files.readString(result, StandardCharsets.UTF_8));
		assertThat(summary.path("csp").size()).as(output).isZero();
		assertThat(summary.path("pageErrors").size()).as(output).isZero();
		return summary;
	}

}
