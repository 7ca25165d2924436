package dev.ferry.cli;

/** A failure the user reads as one sentence, with the exit code scripts see. */
final class CliException extends RuntimeException {

	private final int exitCode;

	CliException(int exitCode, String message) {
		super(message);
		this.exitCode = exitCode;
	}

	int exitCode() {
		return exitCode;
	}

}
