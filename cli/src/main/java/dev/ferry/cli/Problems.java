package dev.ferry.cli;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** Turns an RFC 9457 problem (or any error answer) into sentences and an exit code. */
final class Problems {

	private Problems() {
	}

	static CliException of(int status, String body) {
		JsonNode problem;
		try {
			problem = Json.parse(body);
		}
		catch (JacksonException ex) {
			problem = Json.MAPPER.missingNode();
		}
		StringBuilder message = new StringBuilder(sentence(status, problem));
		for (JsonNode error : problem.path("errors")) {
			String field = error.path("field").asString("");
			String text = error.path("message").asString("");
			message.append(System.lineSeparator()).append("  ");
			message.append(field.isEmpty() ? text : field + ": " + text);
		}
		for (JsonNode suggestion : problem.path("suggestions")) {
			message.append(System.lineSeparator()).append("  ").append(suggestion.asString(""));
		}
		return new CliException(exitCode(status), message.toString());
	}

	static int exitCode(int status) {
		if (status == 401) {
			return ExitCode.AUTH;
		}
		if (status == 404 || status == 410) {
			return ExitCode.NOT_FOUND;
		}
		return (status >= 500) ? ExitCode.UNAVAILABLE : ExitCode.REFUSED;
	}

	private static String sentence(int status, JsonNode problem) {
		String detail = problem.path("detail").asString("");
		if (detail.isBlank()) {
			detail = problem.path("title").asString("");
		}
		if (detail.isBlank()) {
			return "The server answered HTTP " + status + ".";
		}
		detail = Character.toUpperCase(detail.charAt(0)) + detail.substring(1);
		return (detail.endsWith(".") || detail.endsWith("!") || detail.endsWith("?")) ? detail : detail + ".";
	}

}
