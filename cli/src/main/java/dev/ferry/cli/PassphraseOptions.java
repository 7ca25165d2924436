package dev.ferry.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import picocli.CommandLine.Option;

/**
 * The passphrase of an end-to-end encrypted transfer (age scrypt), shared by {@code send}
 * and {@code download}: from {@value #ENV}, a file, or asked for. Never a command-line
 * value, which other users of the machine could read in the process list.
 */
final class PassphraseOptions {

	static final String ENV = "FERRY_E2E_PASSPHRASE";

	@Option(names = "--passphrase", description = "With --e2e: a passphrase (age scrypt) instead of a key, taken from "
			+ ENV + ", else asked for without echo or read from the first line of standard input.")
	boolean passphrase;

	@Option(names = "--passphrase-file", paramLabel = "FILE",
			description = "With --e2e: the passphrase is the first line of FILE.")
	Path file;

	boolean given() {
		return passphrase || file != null;
	}

	/** The passphrase, or null when neither option was given. */
	AgePassphrase resolve(boolean confirm) throws IOException {
		if (file != null) {
			if (!Files.isRegularFile(file)) {
				throw new CliException(ExitCode.USAGE, "--passphrase-file: no file at " + file + ".");
			}
			List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
			return of(lines.isEmpty() ? "" : lines.get(0), "--passphrase-file: the first line of " + file);
		}
		if (!passphrase) {
			return null;
		}
		String fromEnv = System.getenv(ENV);
		if (fromEnv != null && !fromEnv.isEmpty()) {
			return of(fromEnv, ENV);
		}
		String typed = Secrets.resolve(null, "Passphrase: ", "--passphrase");
		if (confirm && System.console() != null
				&& !typed.equals(Secrets.resolve(null, "The passphrase again: ", "--passphrase"))) {
			throw new CliException(ExitCode.USAGE, "The two passphrases differ; nothing was sent.");
		}
		return of(typed, "--passphrase");
	}

	private static AgePassphrase of(String text, String source) {
		if (text.isEmpty()) {
			throw new CliException(ExitCode.USAGE, source + " is empty.");
		}
		return new AgePassphrase(text);
	}

}
