package dev.ferry.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Passwords and keys that should not sit on the command line: asked for without echo on a
 * terminal, else read from the first line of standard input. Nothing is printed to
 * stdout, which belongs to {@code --json}.
 */
final class Secrets {

	private static BufferedReader stdin;

	private Secrets() {
	}

	/** {@code given} when the option had a value, else asked for or read. */
	static String resolve(String given, String question, String option) {
		if (given != null && !given.isEmpty()) {
			return given;
		}
		Console console = System.console();
		if (console != null) {
			char[] typed = console.readPassword(question);
			if (typed != null && typed.length > 0) {
				return new String(typed);
			}
		}
		else {
			String line = line();
			if (line != null && !line.isEmpty()) {
				return line;
			}
		}
		throw new CliException(ExitCode.USAGE,
				option + ": nothing given; type it when asked, pipe it in, or write " + option + "=VALUE.");
	}

	static synchronized String line() {
		try {
			if (stdin == null) {
				stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
			}
			return stdin.readLine();
		}
		catch (IOException ex) {
			throw new CliException(ExitCode.ERROR, "Could not read standard input: " + ex.getMessage() + ".");
		}
	}

}
