package dev.ferry.cli;

import java.io.PrintWriter;

import picocli.CommandLine.Option;

/** {@code --json}, shared by every command: one JSON document on stdout for scripts. */
final class Output {

	@Option(names = "--json", description = "Print one JSON document on stdout instead of text (for scripts).")
	boolean json;

	void print(PrintWriter out, Object document, String text) {
		if (json) {
			out.println(Json.write(document));
		}
		else if (text != null && !text.isEmpty()) {
			out.println(text);
		}
		out.flush();
	}

}
