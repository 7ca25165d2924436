package dev.ferry.upload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.ferry.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real tus-js-client, run by Node against this server
 * (src/test/js/resume-upload.mjs): it aborts an upload past half-way and a new tus.Upload
 * resumes it from the server's offset. Node is required; without it the test fails, it
 * never skips.
 */
class TusJsClientIntegrationTests extends IntegrationTest {

	private static final Path PROJECT = Path.of("src", "test", "js").toAbsolutePath();

	private static final int SIZE = 8 * 1024 * 1024 + 4_321;

	private static final int CHUNK = 256 * 1024;

	@TempDir
	Path dir;

	@Test
	void abortedUploadIsResumedByANewUploadInstance() throws Exception {
		installClient();
		TestAccounts.Account user = new TestAccounts(api, adminToken()).user();
		Path source = dir.resolve("from-node.bin");
		Files.write(source, TusProtocolIntegrationTests.random(SIZE));

		ProcessBuilder node = new ProcessBuilder("node", PROJECT.resolve("resume-upload.mjs").toString(),
				api.base() + Tus.BASE, source.toString());
		node.environment().put("FERRY_TOKEN", user.token());
		JsonNode result = JsonMapper.builder().build().readTree(run(node, 180));

		assertThat(result.get("size").asInt()).isEqualTo(SIZE);
		assertThat(result.get("aborted_after").asLong()).isGreaterThan(SIZE / 2);
		assertThat(result.get("resumed_from").asLong()).isBetween((long) SIZE / 2 - CHUNK, SIZE - 1L);
		String url = result.get("url").asString();
		assertThat(url).startsWith(api.base() + Tus.BASE + "/");
		String id = url.substring(url.lastIndexOf('/') + 1);
		byte[] stored = new Tus(api).download(id, user.token());
		assertThat(Tus.sha256Hex(stored)).isEqualTo(Tus.sha256Hex(Files.readAllBytes(source)));
		assertThat(api.get("/api/v1/files/" + id, user.token()).json().get("folder").asString())
			.isEqualTo("/js-client");
	}

	/** bin/test runs {@code npm ci} first; a lone test run installs the client itself. */
	private void installClient() throws Exception {
		requireNode();
		if (!Files.isDirectory(PROJECT.resolve("node_modules").resolve("tus-js-client"))) {
			run(new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--prefix", PROJECT.toString()), 300);
		}
	}

	private static void requireNode() throws InterruptedException {
		try {
			Process version = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
			assertThat(version.waitFor(30, TimeUnit.SECONDS) && version.exitValue() == 0)
				.as("'node --version' must succeed")
				.isTrue();
		}
		catch (IOException ex) {
			throw new AssertionError(
					"This test runs the real tus-js-client and needs Node.js (20 or later) on the PATH;"
							+ " install the Debian package 'nodejs' or run bin/test.",
					ex);
		}
	}

	/** Runs a command, failing with its output unless it exits 0; returns its stdout. */
	private String run(ProcessBuilder command, int timeoutSeconds) throws Exception {
		Path out = Files.createTempFile(dir, "out-", ".txt");
		Path err = Files.createTempFile(dir, "err-", ".txt");
		Process process = command.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
		if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new AssertionError(
					command.command() + " did not finish in " + timeoutSeconds + " s: " + Files.readString(err));
		}
		String stdout = Files.readString(out);
		assertThat(process.exitValue()).as("%s failed:%n%s%n%s", command.command(), stdout, Files.readString(err))
			.isZero();
		List<String> lines = stdout.lines().filter((line) -> !line.isBlank()).toList();
		return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
	}

}
