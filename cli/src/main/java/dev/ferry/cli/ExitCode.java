package dev.ferry.cli;

/** The exit codes of every command; docs/cli.md lists them for scripts. */
final class ExitCode {

	static final int OK = 0;

	/** Anything else: a local file cannot be read or written, an unexpected answer. */
	static final int ERROR = 1;

	/** The command line is wrong (picocli's own code for usage errors). */
	static final int USAGE = 2;

	/** Not signed in, wrong password or code, or the session ended. */
	static final int AUTH = 3;

	/** The file, folder or link does not exist (or is gone). */
	static final int NOT_FOUND = 4;

	/** The server refused the request: invalid input, quota, conflict, not allowed. */
	static final int REFUSED = 5;

	/** The server cannot be reached or failed (HTTP 5xx). */
	static final int UNAVAILABLE = 6;

	/** The bytes on one side do not match the SHA-256 of the other. */
	static final int VERIFY = 7;

	private ExitCode() {
	}

}
