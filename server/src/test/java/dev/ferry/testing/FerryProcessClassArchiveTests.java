package dev.ferry.testing;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

		List<String> command = new ArrayList<>(List.of(FerryProcess.java(), "-Xshare:on", "-Xlog:class+load=info"));
		command.addAll(arguments);
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();

		assertThat(process.exitValue()).as(output).isZero();
		assertThat(output).contains("dev.ferry.FerryApplication source: shared objects file (top)");
	}

	@Test
	void clearingOutOldKeysSparesOneAnotherJvmHolds(@TempDir Path root) throws IOException, InterruptedException {
		Path held = Files.createDirectories(root.resolve("held"));
		Path stale = Files.createDirectories(root.resolve("stale"));
		Files.writeString(stale.resolve("classes.jsa"), "an earlier build's archive");
		Process holder = javaRunning(HoldKey.class, held.toString());
		try {
			assertThat(new String(holder.getInputStream().readNBytes(5), StandardCharsets.UTF_8)).isEqualTo("held\n");

			FerryProcessClassArchive.removeUnusedKeys(root);

			assertThat(held).isDirectory();
			assertThat(stale).doesNotExist();
		}
		finally {
			holder.getOutputStream().close();
			assertThat(holder.waitFor(1, TimeUnit.MINUTES)).isTrue();
		}
	}

	private static Process javaRunning(Class<?> main, String argument) throws IOException {
		return new ProcessBuilder(FerryProcess.java(), "-cp", FerryProcess.testClasspath(), main.getName(), argument)
			.redirectError(ProcessBuilder.Redirect.INHERIT)
			.start();
	}

	/** Holds a key's in-use lock, as a test JVM does, until its input closes. */
	static final class HoldKey {

		public static void main(String[] args) throws IOException {
			try (FileChannel channel = FerryProcessClassArchive.holdKey(Path.of(args[0]))) {
				System.out.print("held\n");
				System.out.flush();
				System.in.readAllBytes();
			}
		}

	}

	/** Loads the server's main class without starting the server. */
	static final class LoadServerClass {

		public static void main(String[] args) throws ClassNotFoundException {
			Class.forName(FerryProcess.SERVER_MAIN);
		}

	}

}
