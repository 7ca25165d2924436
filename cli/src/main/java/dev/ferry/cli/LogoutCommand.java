package dev.ferry.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "logout", mixinStandardHelpOptions = true, description = {
		"Sign out: ends the session on the server (API keys stay valid until revoked) and deletes the saved credentials.",
		"When the server cannot be reached, the credentials are still deleted, and the exit code (6) says the session lives on." },
		footerHeading = "%nExample:%n", footer = "  ferry logout")
final class LogoutCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Mixin
	Output output;

	@Override
	public Integer call() {
		Config config = Config.locate();
		Credentials credentials = config.credentials().orElse(null);
		CliException notEnded = null;
		if (credentials != null && credentials.apiKey() == null) {
			try {
				Api.signedIn(config).post("/api/v1/auth/logout", Json.object());
			}
			catch (CliException ex) {
				// A session already over (AUTH) is what was asked for; any other failure
				// leaves it valid on the server, which the user must hear.
				notEnded = (ex.exitCode() == ExitCode.AUTH) ? null : ex;
			}
		}
		boolean removed = config.forget();
		output.print(spec.commandLine().getOut(), Json.object().put("signed_out", removed),
				removed ? "Signed out." : "You were not signed in.");
		if (notEnded != null) {
			spec.commandLine()
				.getErr()
				.println("The session could not be ended on the server (" + notEnded.getMessage().stripTrailing()
						+ ") and stays valid until it expires: end it under Account → Sessions in the web UI. "
						+ "The saved credentials on this computer are deleted.");
			return notEnded.exitCode();
		}
		return ExitCode.OK;
	}

}
