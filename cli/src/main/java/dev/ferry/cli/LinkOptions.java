package dev.ferry.cli;

import java.time.Instant;

import picocli.CommandLine.Option;
import tools.jackson.databind.node.ObjectNode;

/** What a link allows: lifetime, password, number of downloads, previews. */
final class LinkOptions {

	@Option(names = "--expires", paramLabel = "DURATION",
			description = "Lifetime, e.g. 12h, 7d or 2w (default and maximum: the server's, usually 30 days).")
	String expires;

	@Option(names = "--password", arity = "0..1", fallbackValue = "", paramLabel = "PASSWORD",
			description = "Protect the link with a password; without a value (last, or before another option) "
					+ "it is asked for or read from standard input, which keeps it out of the shell history.")
	String password;

	@Option(names = "--max-downloads", paramLabel = "N", description = "The link stops working after N downloads.")
	Integer maxDownloads;

	@Option(names = "--show-previews",
			description = "Show image and PDF previews on the share page, so recipients can look before they "
					+ "download. Made from the files' latest content; not with --e2e (the server cannot read "
					+ "those files).")
	boolean showPreviews;

	Instant expiresAt() {
		return (expires != null) ? Instant.now().plus(Sizes.parseDuration(expires)) : null;
	}

	ObjectNode link() {
		ObjectNode link = Json.object();
		if (maxDownloads != null) {
			if (maxDownloads < 1) {
				throw new CliException(ExitCode.USAGE, "--max-downloads must be at least 1.");
			}
			link.put("max_downloads", maxDownloads);
		}
		if (password != null) {
			password = Secrets.resolve(password, "Password for the link: ", "--password");
			link.put("password", password);
		}
		if (showPreviews) {
			link.put("show_previews", true);
		}
		return link;
	}

}
