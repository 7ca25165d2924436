package dev.ferry.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "logout", mixinStandardHelpOptions = true,
		description = "Sign out: ends the session on the server (API keys stay valid until revoked) and deletes the saved credentials.",
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
		if (credentials != null && credentials.apiKey() == null) {
			try {
				Api.signedIn(config).post("/api/v1/auth/logout", Json.object());
			}
			catch (CliException ex) {
				// the session may already be over; the local credentials go either way
			}
		}
		boolean removed = config.forget();
		output.print(spec.commandLine().getOut(), Json.object().put("signed_out", removed),
				removed ? "Signed out." : "You were not signed in.");
		return ExitCode.OK;
	}

}
