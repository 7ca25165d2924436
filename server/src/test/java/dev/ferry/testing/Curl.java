package dev.ferry.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real {@code curl}, for requests the JDK client cannot make: from a chosen source
 * address on loopback ({@code --interface 127.0.0.2}), or with a URL the JDK refuses to
 * parse (a malformed percent-encoding is sent byte for byte).
 */
public final class Curl {

	private Curl() {
	}

	/**
	 * Runs {@code curl -sS -i} with {@code args} and answers the final response (after
	 * any informational ones, such as {@code 100 Continue}).
	 */
	public static Api.Response request(String... args) {
		List<String> command = new ArrayList<>(List.of("curl", "-sS", "-i", "--max-time", "60"));
		command.addAll(List.of(args));
		Result result = run(command);
		if (result.exitCode() != 0) {
			throw new AssertionError("curl failed (" + result.exitCode() + "): " + result.output());
		}
		return parse(result.output());
	}

	/** Runs any command and answers its exit code and combined output. */
	public static Result run(List<String> command) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(90, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new AssertionError("timed out: " + String.join(" ", command));
			}
			return new Result(process.exitValue(), output);
		}
		catch (IOException ex) {
			throw new AssertionError(command.get(0) + " is needed for this test; bin/test installs it", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

	private static Api.Response parse(String output) {
		String rest = output;
		while (true) {
			int end = rest.indexOf("\r\n\r\n");
			String head = (end >= 0) ? rest.substring(0, end) : rest;
			String body = (end >= 0) ? rest.substring(end + 4) : "";
			String[] lines = head.split("\r\n");
			int status = Integer.parseInt(lines[0].split(" ")[1]);
			if (status >= 100 && status < 200 && end >= 0) {
				rest = body;
				continue;
			}
			Map<String, List<String>> headers = new LinkedHashMap<>();
			for (int i = 1; i < lines.length; i++) {
				int colon = lines[i].indexOf(':');
				if (colon > 0) {
					headers.computeIfAbsent(lines[i].substring(0, colon).strip(), (name) -> new ArrayList<>())
						.add(lines[i].substring(colon + 1).strip());
				}
			}
			return new Api.Response(status, headers, body);
		}
	}

	public record Result(int exitCode, String output) {
	}

}
