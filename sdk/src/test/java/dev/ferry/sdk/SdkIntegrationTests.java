package dev.ferry.sdk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.ferry.testing.FerryProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SDKs generated at build time from {@code web/src/api/openapi.json}, each driven by
 * a short program in its own language (Node for TypeScript, Debian's python3 for Python)
 * against the built server jar: sign in, upload a file, make a transfer of it, list the
 * folder, download the file whole and one range of it (the generated clients read the
 * body as bytes); the TypeScript one also uploads a file over tus (create, offset,
 * PATCH). A missing interpreter fails the test, it never skips.
 */
class SdkIntegrationTests {

	private static final Path SDK = Path.of(System.getProperty("ferry.sdk.dir", "target/generated-sdk"));

	private static final Path TESTS = Path.of(System.getProperty("ferry.sdk.tests", "src/test"));

	/**
	 * Debian's interpreter with Debian's pydantic 1, not whichever python3 comes first on
	 * the PATH (a pyenv one may carry pydantic 2).
	 */
	private static final String PYTHON = System.getProperty("ferry.python", "/usr/bin/python3");

	private static FerryProcess server;

	@TempDir
	Path dir;

	@BeforeAll
	static void startServer() throws IOException {
		server = FerryProcess.fromJar(Path.of(System.getProperty("ferry.server.jar", "../server/target/ferry.jar")))
			.start();
	}

	@AfterAll
	static void stopServer() throws InterruptedException {
		server.close();
	}

	@Test
	void typeScriptSdkSignsInUploadsSharesAndLists() throws Exception {
		Path tsc = Path.of(System.getProperty("ferry.tsc", "../web/node_modules/typescript/bin/tsc"));
		assertThat(tsc).as("TypeScript's compiler, installed by the web module's npm ci (or -Dferry.tsc=...)").exists();
		Path out = dir.resolve("ts");
		run(List.of("node", tsc.toString(), "--strict", "--skipLibCheck", "--target", "es2022", "--module", "commonjs",
				"--moduleResolution", "node", "--lib", "es2022,dom", "--rootDir",
				TESTS.resolve("../..").toAbsolutePath().normalize().toString(), "--outDir", out.toString(),
				TESTS.resolve("ts/sdk-test.ts").toString()), Map.of(), "tsc");

		String result = run(List.of("node", out.resolve("src/test/ts/sdk-test.js").toString()), signIn(), "node");

		assertThat(result).contains("\"size\":30", "\"transfer_files\":1",
				"\"listed\":[\"hello.txt\",\"resumable.txt\"]", "\"downloaded\":\"hello from the TypeScript SDK\\n\"",
				"\"range\":\"from\"", "\"resumable\":\"0/34\"");
	}

	@Test
	void pythonSdkSignsInUsesAnApiKeyUploadsSharesAndLists() throws Exception {
		Map<String, String> env = new HashMap<>(signIn());
		env.put("PYTHONPATH", SDK.resolve("python").toAbsolutePath().toString());
		env.put("PYTHONDONTWRITEBYTECODE", "1");

		String result = run(List.of(PYTHON, TESTS.resolve("python/sdk_test.py").toString()), env, PYTHON);

		assertThat(result).contains("\"size\": 26", "\"transfer_files\": 1", "\"listed\": [\"hello.txt\"]",
				"\"downloaded\": \"hello from the Python SDK\\n\"", "\"range\": \"from\"");
	}

	private static Map<String, String> signIn() {
		return Map.of("FERRY_URL", server.base(), "FERRY_EMAIL", FerryProcess.ADMIN_EMAIL, "FERRY_PASSWORD",
				FerryProcess.ADMIN_PASSWORD);
	}

	/** Runs a program to its end; its stdout, or a failure that quotes its stderr. */
	private String run(List<String> command, Map<String, String> env, String interpreter) throws Exception {
		Path stdout = Files.createTempFile(dir, "out-", ".txt");
		Path stderr = Files.createTempFile(dir, "err-", ".txt");
		ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).redirectOutput(stdout.toFile())
			.redirectError(stderr.toFile());
		builder.environment().putAll(env);
		Process process;
		try {
			process = builder.start();
		}
		catch (IOException ex) {
			throw new AssertionError(interpreter + " is needed on the PATH (bin/test-services installs it)", ex);
		}
		if (!process.waitFor(3, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			throw new AssertionError(command + " did not finish: " + Files.readString(stderr));
		}
		assertThat(process.exitValue())
			.as("%s failed:%n%s%n%s", command, Files.readString(stdout), Files.readString(stderr))
			.isZero();
		return Files.readString(stdout);
	}

}
