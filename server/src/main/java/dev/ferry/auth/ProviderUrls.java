package dev.ferry.auth;

import java.net.URI;
import java.util.Locale;

/**
 * The address an identity provider's keys are fetched from (an OpenID Connect issuer,
 * whose discovery names the signing keys; SAML metadata, which carries the signing
 * certificates) must be https: over plain http anyone on the path could hand Ferry their
 * own keys and sign in as anyone. Plain http is left to loopback, where a provider runs
 * on the same host (tests, a local proxy).
 */
public final class ProviderUrls {

	private ProviderUrls() {
	}

	/**
	 * Refuses (at start, as a configuration error) {@code url} unless it is https or http
	 * to a loopback host; {@code setting} names it in the message.
	 */
	public static void requireHttps(String url, String setting) {
		if (url == null || url.isBlank()) {
			return;
		}
		URI uri;
		try {
			uri = URI.create(url.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException(setting + " is not a URL", ex);
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		if (scheme.equals("https") || (scheme.equals("http") && loopback(uri.getHost()))) {
			return;
		}
		// The scheme and host only: a URL may carry credentials or tokens.
		throw new IllegalStateException(setting + " must be an https URL (the identity provider's signing keys come "
				+ "from it; plain http only to a loopback address), not " + scheme + "://" + uri.getHost());
	}

	private static boolean loopback(String host) {
		if (host == null) {
			return false;
		}
		String name = host.toLowerCase(Locale.ROOT);
		return name.equals("localhost") || name.equals("[::1]") || name.equals("::1")
				|| name.matches("127(\\.\\d{1,3}){3}");
	}

}
