package dev.ferry.cli;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.tus.java.client.ProtocolException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/** {@code ferry}: the command line client of a Ferry server. */
@Command(name = "ferry", mixinStandardHelpOptions = true, versionProvider = Version.class,
		description = "Upload, download, send and sync files with a Ferry server.",
		subcommands = { LoginCommand.class, LogoutCommand.class, UploadCommand.class, DownloadCommand.class,
				LsCommand.class, RmCommand.class, SendCommand.class, ShareCommand.class, SyncCommand.class,
				CompletionCommand.class, CommandLine.HelpCommand.class },
		footerHeading = "%nExamples:%n",
		footer = { "  ferry login https://ferry.example.com", "  ferry upload report.pdf photos/ --to /work",
				"  ferry ls /work", "  ferry send report.pdf --expires 7d --to bob@example.com", "  ferry help upload",
				"", "Exit codes:", "  0  done", "  1  other error (local files, unexpected answers)",
				"  2  wrong command line", "  3  not signed in, wrong password or code, session ended",
				"  4  file, folder or link not found",
				"  5  refused by the server (input, quota, conflict, permission)",
				"  6  server unreachable or failing (HTTP 5xx)", "  7  checksum mismatch" })
public final class Ferry implements Runnable {

	@Spec
	CommandSpec spec;

	@Override
	public void run() {
		throw new ParameterException(spec.commandLine(), "Which command? See ferry --help.");
	}

	public static void main(String[] args) {
		System.exit(commandLine().execute(args));
	}

	static CommandLine commandLine() {
		CommandLine commandLine = new CommandLine(new Ferry());
		commandLine.setExecutionExceptionHandler(Ferry::failed);
		return commandLine;
	}

	/**
	 * Every failure ends as sentences on stderr and an exit code, never a stack trace.
	 */
	private static int failed(Exception ex, CommandLine commandLine, ParseResult parsed) {
		CliException failure = explain(ex);
		commandLine.getErr().println("ferry: " + failure.getMessage());
		commandLine.getErr().flush();
		return failure.exitCode();
	}

	static CliException explain(Throwable ex) {
		if (ex instanceof CliException cli) {
			return cli;
		}
		if (ex instanceof UncheckedIOException io) {
			return explain(io.getCause());
		}
		if (ex instanceof ProtocolException protocol) {
			return Uploads.problem(protocol);
		}
		if (ex instanceof IOException io) {
			String reason = (io.getMessage() != null) ? io.getMessage() : io.getClass().getSimpleName();
			return new CliException(ExitCode.ERROR, reason + ".");
		}
		if (ex.getCause() != null && ex.getCause() != ex) {
			return explain(ex.getCause());
		}
		String reason = (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
		return new CliException(ExitCode.ERROR, "Unexpected failure: " + reason + ".");
	}

}
