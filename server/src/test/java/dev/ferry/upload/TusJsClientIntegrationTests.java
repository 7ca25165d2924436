package dev.ferry.upload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.ferry.testing.IntegrationTest;
import dev.ferry.testing.TestAccounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real tus-js-client, run by Node against this server
 * (src/test/js/resume-upload.mjs): it aborts an upload past half-way and a new tus.Upload
 * resumes it from the server's offset, once with 1 MiB chunks and once with the client's
 * default (one PATCH with the whole rest, cut mid-body by the abort). Node is required;
 * without it the test fails, it never skips.
 */
class TusJsClientIntegrationTests extends IntegrationTest {

	private static final Path PROJECT = Path.of("src", "test", "js").toAbsolutePath();

	private static final int SIZE = 8 * 1024 * 1024 + 4_321;

	private static final int CHUNK = 1024 * 1024;

	@TempDir
	Path dir;

	@Autowired
	JdbcClient jdbc;

	@Test
	void abortedUploadIsResumedByANewUploadInstance() throws Exception {
		TestAccounts.Account user = new TestAccounts(api, adminToken()).user();
		JsonNode result = uploadWithNode(user, null);

		assertThat(result.get("resumed_from").asLong()).isBetween((long) SIZE / 2 - CHUNK, SIZE - 1L);
		assertStored(user, result);
	}

	/**
	 * One PATCH with the whole file is cut off after 60 % of its body (by the script
	 * itself: tus-js-client's throttled progress can report the half after the last
	 * byte); the server keeps what arrived, and tus-js-client with its default chunk size
	 * resumes with one PATCH (merged into a small cut-off part, if there is one) that
	 * finishes the file: no part but the last is below the minimum.
	 */
	@Test
	void theClientsDefaultChunkSizeIsCutMidBodyAndResumed() throws Exception {
		TestAccounts.Account user = new TestAccounts(api, adminToken()).user();
		JsonNode result = uploadWithNode(user, "default");

		String id = assertStored(user, result);
		List<Long> parts = jdbc
			.sql("SELECT p.plain_length FROM blob_parts p JOIN files f ON f.blob_id = p.blob_id WHERE f.id = ? "
					+ "ORDER BY p.part_index")
			.param(id)
			.query(Long.class)
			.list();
		assertThat(parts).hasSizeBetween(1, 2);
		assertThat(parts.subList(0, parts.size() - 1))
			.allSatisfy((length) -> assertThat(length).isGreaterThanOrEqualTo(CHUNK));
	}

	private JsonNode uploadWithNode(TestAccounts.Account user, String chunkSize) throws Exception {
		installClient();
		Path source = dir.resolve("from-node.bin");
		Files.write(source, TusSpecificationIntegrationTests.random(SIZE));
		ProcessBuilder node = new ProcessBuilder("node", PROJECT.resolve("resume-upload.mjs").toString(),
				api.base() + Tus.BASE, source.toString());
		node.environment().put("FERRY_TOKEN", user.token());
		if (chunkSize != null) {
			node.environment().put("FERRY_CHUNK_SIZE", chunkSize);
		}
		JsonNode result = JsonMapper.builder().build().readTree(run(node, 180));
		assertThat(result.get("size").asInt()).isEqualTo(SIZE);
		assertThat(result.get("aborted_after").asLong()).isGreaterThan(SIZE / 2);
		return result;
	}

	/** The file is whole and where the metadata put it; returns its id. */
	private String assertStored(TestAccounts.Account user, JsonNode result) throws IOException {
		Path source = dir.resolve("from-node.bin");
		String url = result.get("url").asString();
		assertThat(url).startsWith(api.base() + Tus.BASE + "/");
		String id = url.substring(url.lastIndexOf('/') + 1);
		byte[] stored = new Tus(api).download(id, user.token());
		assertThat(Tus.sha256Hex(stored)).isEqualTo(Tus.sha256Hex(Files.readAllBytes(source)));
		assertThat(api.get("/api/v1/files/" + id, user.token()).json().get("folder").asString())
			.isEqualTo("/js-client");
		return id;
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
