package dev.ferry.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The children started from the test class path really map the server's classes from the
 * shared archive: a JVM with their arguments and {@code -Xshare:on}, which fails instead
 * of falling back when the archive does not fit, loads the application class from it.
 */
class FerryProcessClassArchiveTests {

	@Test
	void childServersLoadTheServerClassesFromTheSharedArchive() throws IOException, InterruptedException {
		List<String> arguments = FerryProcessClassArchive.launchArguments(FerryProcess.testClasspath(),
				LoadServerClass.class.getName());
		assertThat(arguments.get(0)).startsWith("-XX:SharedArchiveFile=");

		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xshare:on",
						"-Xlog:class+load=info"));
		command.addAll(arguments);
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();

		assertThat(process.exitValue()).as(output).isZero();
		assertThat(output).contains("dev.ferry.FerryApplication source: shared objects file (top)");
	}

	/** Loads the server's main class without starting the server. */
	static final class LoadServerClass {

		public static void main(String[] args) throws ClassNotFoundException {
			Class.forName(FerryProcess.SERVER_MAIN);
		}

	}

}
