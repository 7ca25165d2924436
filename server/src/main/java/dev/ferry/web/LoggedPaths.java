package dev.ferry.web;

import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Request paths as logs and the audit trail may show them. Share links
 * ({@code /s/<token>}, {@code /api/v1/share/<token>/...}) and upload requests
 * ({@code /u/<token>}) carry their secret in the path, so every segment that looks like a
 * token is replaced; ids (UUIDs) stay, and the query string is never part of a path.
 */
final class LoggedPaths {

	static final String REDACTED = "{redacted}";

	private static final Pattern UUID = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	/**
	 * Ferry's tokens are 256-bit URL-safe base64 (43 characters, some with a prefix);
	 * anything that long and token-shaped is treated as one, whatever route it is on.
	 */
	private static final Pattern TOKEN_LIKE = Pattern.compile("[A-Za-z0-9_-]{32,}");

	private LoggedPaths() {
	}

	static String redact(String path) {
		if (path == null) {
			return null;
		}
		return Stream.of(path.split("/", -1))
			.map((segment) -> (TOKEN_LIKE.matcher(segment).matches() && !UUID.matcher(segment).matches()) ? REDACTED
					: segment)
			.collect(Collectors.joining("/"));
	}

}
