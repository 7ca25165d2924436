package dev.ferry.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Request paths as logs and the audit trail may show them. Share links
 * ({@code /s/<token>}, {@code /api/v1/share/<token>/...}) and upload requests
 * ({@code /u/<token>}) carry their secret in the path, so every segment that holds
 * something that looks like a token is replaced; ids (UUIDs) stay, and the query string
 * is never part of a path.
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
			.map((segment) -> holdsToken(segment) ? REDACTED : segment)
			.collect(Collectors.joining("/"));
	}

	/**
	 * A token anywhere in the segment ({@code <token>.} from a link copied with the
	 * sentence's full stop), also when percent-encoded.
	 */
	private static boolean holdsToken(String segment) {
		return holdsToken(TOKEN_LIKE.matcher(segment))
				|| (segment.indexOf('%') >= 0 && holdsToken(TOKEN_LIKE.matcher(decoded(segment))));
	}

	private static boolean holdsToken(Matcher runs) {
		while (runs.find()) {
			if (!UUID.matcher(runs.group()).matches()) {
				return true;
			}
		}
		return false;
	}

	private static String decoded(String segment) {
		try {
			return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return segment;
		}
	}

}
