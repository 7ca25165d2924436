package dev.ferry.auth.oauth;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

import dev.ferry.auth.AuthException;

/**
 * What an app may register as a redirect URI: an absolute https URI, or http on a
 * loopback address (native apps, RFC 8252), without a fragment. Requests must then name
 * one of them exactly: no prefix or pattern matching, so a code cannot be steered
 * elsewhere on the same host.
 */
final class RedirectUris {

	static final int MAX_COUNT = 10;

	static final int MAX_LENGTH = 500;

	private RedirectUris() {
	}

	static List<String> check(List<String> uris) {
		if (uris.isEmpty() || uris.size() > MAX_COUNT) {
			throw AuthException.invalidField("redirect_uris", "must list 1 to " + MAX_COUNT + " URIs");
		}
		for (String uri : uris) {
			String problem = problem(uri);
			if (problem != null) {
				throw AuthException.invalidField("redirect_uris", "'" + shortened(uri) + "' " + problem);
			}
		}
		return List.copyOf(uris);
	}

	private static String problem(String value) {
		if (value.length() > MAX_LENGTH || value.contains("\n") || value.contains("\r")) {
			return "is longer than " + MAX_LENGTH + " characters or spans lines";
		}
		URI uri;
		try {
			uri = new URI(value);
		}
		catch (URISyntaxException ex) {
			return "is not a URI";
		}
		if (!uri.isAbsolute() || uri.getHost() == null || uri.getRawFragment() != null
				|| uri.getRawUserInfo() != null) {
			return "must be an absolute URI with a host and without a fragment or user name";
		}
		String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
		if (scheme.equals("https") || (scheme.equals("http") && isLoopback(uri.getHost()))) {
			return null;
		}
		return "must use https, or http on a loopback address (127.0.0.1, [::1], localhost)";
	}

	/** Judged on the literal host alone: never a DNS lookup. */
	private static boolean isLoopback(String host) {
		String lower = host.toLowerCase(Locale.ROOT);
		return lower.equals("localhost") || lower.equals("[::1]") || lower.equals("[0:0:0:0:0:0:0:1]")
				|| lower.matches("127(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");
	}

	private static String shortened(String uri) {
		return (uri.length() > 80) ? uri.substring(0, 80) + "..." : uri;
	}

}
