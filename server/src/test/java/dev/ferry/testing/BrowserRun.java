package dev.ferry.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Runs one web/e2e script in Node against a test server and reads the summary it writes:
 * screenshots and axe results per screen, CSP violations and page errors. Every browser
 * driver test goes through it.
 */
public final class BrowserRun {

	public static final Path WEB = Path.of("..", "web").toAbsolutePath().normalize();

	public static final Path SCREENSHOTS = Path.of("target", "screenshots").toAbsolutePath();

	public static final String CHROMIUM = System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");

	private BrowserRun() {
	}

	/**
	 * Runs {@code e2e/<name>-e2e.mjs} against the server on {@code port}; fails with its
	 * log unless it exits 0.
	 */
	public static JsonNode run(String name, int port, Map<String, String> env, Duration timeout) throws Exception {
		return run(name, "http://127.0.0.1:" + port, env, timeout, (line) -> null);
	}

	/**
	 * Runs {@code e2e/<name>-e2e.mjs} against {@code baseUrl}; each line the script
	 * prints goes to the log and to {@code replies}, and a non-null answer is written
	 * back to the script's input (for values only the test knows, such as a mailed link).
	 */
	public static JsonNode run(String name, String baseUrl, Map<String, String> env, Duration timeout,
			Function<String, String> replies) throws Exception {
		return run(name, name, baseUrl, env, timeout, replies);
	}

	/**
	 * Like {@link #run(String, String, Map, Duration, Function)} for one of several runs
	 * of the same script: {@code label} names its result and log files.
	 */
	public static JsonNode run(String script, String label, String baseUrl, Map<String, String> env, Duration timeout,
			Function<String, String> replies) throws Exception {
		requireTools();
		Files.createDirectories(SCREENSHOTS);
		Path result = SCREENSHOTS.resolve(label + "-result.json");
		Files.deleteIfExists(result);
		Path log = SCREENSHOTS.resolve(label + "-e2e.log");
		Files.deleteIfExists(log);
		ProcessBuilder builder = new ProcessBuilder(node(), "e2e/" + script + "-e2e.mjs").directory(WEB.toFile())
			.redirectErrorStream(true);
		builder.environment().putAll(env);
		builder.environment()
			.putAll(Map.of("FERRY_URL", baseUrl, "FERRY_SCREENSHOTS", SCREENSHOTS.toString(), "FERRY_E2E_RESULT",
					result.toString(), "CHROMIUM", CHROMIUM));
		Process process = builder.start();
		CompletableFuture.delayedExecutor(timeout.toSeconds(), TimeUnit.SECONDS).execute(process::destroyForcibly);
		converse(process, log, replies);
		if (!process.waitFor(1, TimeUnit.MINUTES)) {
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

	private static void converse(Process process, Path log, Function<String, String> replies) throws IOException {
		try (BufferedReader output = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
				Writer input = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8)) {
			String line;
			while ((line = output.readLine()) != null) {
				Files.writeString(log, line + System.lineSeparator(), StandardOpenOption.CREATE,
						StandardOpenOption.APPEND);
				String reply = replies.apply(line);
				if (reply != null) {
					input.write(reply + "\n");
					input.flush();
				}
			}
		}
	}

	/**
	 * Each screen was captured light and dark without serious axe findings.
	 */
	public static void assertScreens(JsonNode summary, List<String> screens) {
		assertScreens(summary, screens, List.of("light", "dark"));
	}

	/**
	 * Each screen was captured in each variant (such as light, dark, phone) without
	 * serious axe findings.
	 */
	public static void assertScreens(JsonNode summary, List<String> screens, List<String> variants) {
		for (String screen : screens) {
			for (String scheme : variants) {
				String name = screen + "-" + scheme;
				assertThat(summary.get("screens").get(name)).as(name).isNotNull();
				assertThat(summary.get("screens").get(name).size()).as("serious axe violations on " + name).isZero();
				assertThat(SCREENSHOTS.resolve(name + ".png")).isNotEmptyFile();
			}
		}
	}

	/** Each screen was also shot at phone width. */
	public static void assertPhoneShots(List<String> screens) {
		for (String screen : screens) {
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
