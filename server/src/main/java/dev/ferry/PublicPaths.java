package dev.ferry;

import java.util.List;

import org.springframework.http.HttpMethod;

/**
 * Paths reachable without signing in, declared as a bean by the module that owns them so
 * the HTTP security configuration names no module's paths. It lives here because the
 * modules that declare them (auth among them) sit below the web module.
 *
 * @param patterns Spring path patterns ({@code /api/v1/share/**})
 * @param method the one HTTP method that is public there, or null for every method
 * @param ownCredentials whether the endpoints take their own credentials (in the body, a
 * cookie or a visitor session as bearer): then an {@code Authorization} header there is
 * not read as an account's credential, so a stale access token cannot turn them into a
 * 401
 * @param credentialHeader a request header that carries the endpoints' own credential, or
 * null: then they are public only for requests with that header and no
 * {@code Authorization} header
 */
public record PublicPaths(List<String> patterns, HttpMethod method, boolean ownCredentials, String credentialHeader) {

	public PublicPaths {
		patterns = List.copyOf(patterns);
	}

	/** Public for every method; a bearer token there is still checked if sent. */
	public static PublicPaths of(String... patterns) {
		return new PublicPaths(List.of(patterns), null, false, null);
	}

	/** Public endpoints that take their own credentials. */
	public static PublicPaths withOwnCredentials(String... patterns) {
		return new PublicPaths(List.of(patterns), null, true, null);
	}

	/** Public for one method only, such as tus discovery with OPTIONS. */
	public static PublicPaths forMethod(HttpMethod method, String... patterns) {
		return new PublicPaths(List.of(patterns), method, false, null);
	}

	/**
	 * Public for requests that carry {@code header} (the module checks that credential
	 * itself) instead of an {@code Authorization} header.
	 */
	public static PublicPaths withCredentialHeader(String header, String... patterns) {
		return new PublicPaths(List.of(patterns), null, false, header);
	}

	/** Public whatever the request carries: the OpenAPI document marks these open. */
	public boolean always() {
		return this.method == null && this.credentialHeader == null;
	}

}
