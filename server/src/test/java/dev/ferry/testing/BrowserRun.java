package dev.ferry.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Runs one web/e2e script in Node against a test server and reads the summary it writes:
 * screenshots and axe results per screen, CSP violations and page errors. For driver
 * tests outside {@code dev.ferry.web}.
 */
public final class BrowserRun {

	public static final Path WEB = Path.of("..", "web").toAbsolutePath().normalize();

	public static final Path SCREENSHOTS = Path.of("target", "screenshots").toAbsolutePath();

	static final String CHROMIUM = System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");

	private BrowserRun() {
	}

	/**
	 * Runs {@code e2e/<name>-e2e.mjs} with the given environment; fails with its log
	 * unless it exits 0.
	 */
	public static JsonNode run(String name, int port, Map<String, String> env, Duration timeout) throws Exception {
		requireTools();
		Files.createDirectories(SCREENSHOTS);
		Path result = SCREENSHOTS.resolve(name + "-result.json");
		Files.deleteIfExists(result);
		Path log = SCREENSHOTS.resolve(name + "-e2e.log");
		ProcessBuilder builder = new ProcessBuilder(node(), "e2e/" + name + "-e2e.mjs").directory(WEB.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		builder.environment().putAll(env);
		builder.environment()
			.putAll(Map.of("FERRY_URL", "http://127.0.0.1:" + port, "FERRY_SCREENSHOTS", SCREENSHOTS.toString(),
					"FERRY_E2E_RESULT", result.toString(), "CHROMIUM", CHROMIUM));
		Process process = builder.start();
		if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
			process.destroyForcibly();
			fail("the browser run did not finish in " + timeout + "; see " + log);
		}
		String output = Files.readString(log);
		assertThat(process.exitValue()).as(output).isZero();
		JsonNode summary = JsonMapper.builder().build().readTree(result.toFile());
		assertThat(summary.get("csp").size()).as(output).isZero();
		assertThat(summary.get("pageErrors").size()).as(output).isZero();
		return summary;
	}

	/**
	 * Each screen was captured light and dark without serious axe findings, and at phone
	 * width.
	 */
	public static void assertScreens(JsonNode summary, List<String> screens) {
		for (String screen : screens) {
			for (String scheme : List.of("light", "dark")) {
				String name = screen + "-" + scheme;
				assertThat(summary.get("screens").get(name)).as(name).isNotNull();
				assertThat(summary.get("screens").get(name).size()).as("serious axe violations on " + name).isZero();
				assertThat(SCREENSHOTS.resolve(name + ".png")).isNotEmptyFile();
			}
			assertThat(SCREENSHOTS.resolve(screen + "-phone.png")).isNotEmptyFile();
		}
	}

	/**
	 * A missing browser or Node fails the test (never skips it): bin/test installs both,
	 * and the web module's build installs playwright-core and axe-core.
	 */
	private static void requireTools() {
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

	private static String node() {
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
