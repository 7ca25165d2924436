package dev.ferry.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Debian's age and age-keygen as the tests run them, and repeatable test bytes. */
final class AgeTool {

	private AgeTool() {
	}

	static void run(String... command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes());
		assertThat(process.waitFor()).as(String.join(" ", command) + ": " + output).isZero();
	}

	/**
	 * Debian's age with a passphrase: age reads it only from a terminal, so it runs under
	 * util-linux's script, which gives it a pseudo-terminal fed from our pipe.
	 */
	static void runWithPassphrase(String passphrase, String... command) throws IOException, InterruptedException {
		String line = Stream.of(command)
			.map((word) -> "'" + word.replace("'", "'\\''") + "'")
			.collect(Collectors.joining(" "));
		Process process = new ProcessBuilder("script", "-qec", line, "/dev/null").redirectErrorStream(true).start();
		try (OutputStream in = process.getOutputStream()) {
			in.write((passphrase + "\n").getBytes(StandardCharsets.UTF_8));
		}
		String output = new String(process.getInputStream().readAllBytes());
		assertThat(process.waitFor()).as(line + ": " + output).isZero();
	}

	static byte[] bytes(int size) {
		byte[] bytes = new byte[size];
		new Random(size).nextBytes(bytes);
		return bytes;
	}

}
