package dev.ferry.cli;

import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.Option;

/** Who gets the link and what they read: shared by {@code send} and {@code share}. */
final class TransferDetails {

	@Option(names = "--to", paramLabel = "EMAIL", description = "Mail the link to this address (repeatable).")
	List<String> recipients = new ArrayList<>();

	@Option(names = "--title", description = "Title shown to recipients (default: the file name).")
	String title;

	@Option(names = "--message", description = "Message shown to recipients.")
	String message;

	/** The title, else the only file's name, else a count of the files. */
	String name(List<String> fileNames) {
		if (title != null) {
			return title;
		}
		return (fileNames.size() == 1) ? fileNames.get(0) : fileNames.size() + " files";
	}

}
