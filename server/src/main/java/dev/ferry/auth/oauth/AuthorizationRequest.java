package dev.ferry.auth.oauth;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.ferry.auth.Scope;

/**
 * An authorization request (RFC 6749 4.1.1 with PKCE, RFC 7636) once checked: the app,
 * the redirect URI it registered, the scopes and the S256 code challenge. The same check
 * runs at {@code /oauth2/authorize} and again when the user answers the consent screen.
 */
record AuthorizationRequest(OAuthAppRepository.App app, String redirectUri, Set<Scope> scopes, String state,
		String codeChallenge) {

	/** Scopes an app may ask for: never {@code admin}. */
	static final Set<Scope> GRANTABLE = EnumSet.of(Scope.READ, Scope.WRITE, Scope.SHARE);

	private static final Pattern CHALLENGE = Pattern.compile("[A-Za-z0-9._~-]{43,128}");

	private static final List<String> SINGLE = List.of("response_type", "client_id", "redirect_uri", "scope", "state",
			"code_challenge", "code_challenge_method");

	/**
	 * Checks a request. Until the app and redirect URI are known good the failure is
	 * {@link Unredirectable} (shown to the user, never sent to an unchecked URI); after
	 * that it is an {@link Redirected} error for the app.
	 */
	static AuthorizationRequest check(Map<String, List<String>> params, OAuthAppRepository apps) {
		for (String name : SINGLE) {
			if (params.getOrDefault(name, List.of()).size() > 1) {
				throw new Unredirectable(OAuthError.invalidRequest("The parameter '" + name + "' is repeated."));
			}
		}
		OAuthAppRepository.App app = parseId(one(params, "client_id")).flatMap(apps::find)
			.orElseThrow(() -> new Unredirectable(
					OAuthError.invalidRequest("Unknown client_id: no app with this id is registered here.")));
		String redirectUri = one(params, "redirect_uri");
		if (redirectUri == null && app.redirectUris().size() == 1) {
			redirectUri = app.redirectUris().get(0);
		}
		if (redirectUri == null || !app.redirectUris().contains(redirectUri)) {
			throw new Unredirectable(OAuthError
				.invalidRequest("The redirect_uri is missing or is not exactly one of the URIs this app registered."));
		}
		String state = one(params, "state");
		Redirected.Target target = new Redirected.Target(redirectUri, state);
		if (!"code".equals(one(params, "response_type"))) {
			throw new Redirected(target, new OAuthError("unsupported_response_type",
					"Only the authorization code flow is supported: response_type=code."));
		}
		String challenge = one(params, "code_challenge");
		if (challenge == null || !CHALLENGE.matcher(challenge).matches()) {
			throw new Redirected(target, OAuthError.invalidRequest(
					"PKCE is required: send code_challenge (43 to 128 characters) with code_challenge_method=S256."));
		}
		if (!"S256".equals(one(params, "code_challenge_method"))) {
			throw new Redirected(target, OAuthError.invalidRequest("Only code_challenge_method=S256 is supported."));
		}
		return new AuthorizationRequest(app, redirectUri, scopes(one(params, "scope"), target), state, challenge);
	}

	/** Space-separated scope names (RFC 6749 3.3); none means {@code read}. */
	private static Set<Scope> scopes(String scope, Redirected.Target target) {
		if (scope == null || scope.isBlank()) {
			return EnumSet.of(Scope.READ);
		}
		try {
			return parseScopes(scope);
		}
		catch (OAuthError ex) {
			throw new Redirected(target, ex);
		}
	}

	/** Scope names an app may hold, or {@code invalid_scope}. */
	static Set<Scope> parseScopes(String scope) {
		Set<Scope> scopes = EnumSet.noneOf(Scope.class);
		for (String name : scope.trim().split(" +")) {
			Scope found = GRANTABLE.stream().filter((s) -> s.apiName().equals(name)).findFirst().orElse(null);
			if (found == null) {
				throw new OAuthError("invalid_scope",
						"Unknown scope '" + shortened(name) + "'; apps may ask for read, write and share.");
			}
			scopes.add(found);
		}
		return scopes;
	}

	private static String one(Map<String, List<String>> params, String name) {
		List<String> values = params.get(name);
		return (values == null || values.isEmpty() || values.get(0).isEmpty()) ? null : values.get(0);
	}

	static Optional<UUID> parseId(String value) {
		try {
			return (value != null) ? Optional.of(UUID.fromString(value)) : Optional.empty();
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	private static String shortened(String value) {
		return (value.length() > 40) ? value.substring(0, 40) + "..." : value;
	}

	/** The answer for the app: {@code redirect_uri?code=...&state=...} or an error. */
	static String redirect(String redirectUri, Map<String, String> params) {
		StringBuilder uri = new StringBuilder(redirectUri).append(redirectUri.contains("?") ? '&' : '?');
		params.forEach((name, value) -> {
			if (value != null) {
				uri.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8)).append('&');
			}
		});
		uri.setLength(uri.length() - 1);
		return uri.toString();
	}

	/** A failure to show the user: the redirect URI cannot be trusted. */
	static final class Unredirectable extends RuntimeException {

		private final OAuthError error;

		Unredirectable(OAuthError error) {
			super(error.getMessage());
			this.error = error;
		}

		OAuthError error() {
			return this.error;
		}

	}

	/** A failure the app hears about at its redirect URI (RFC 6749 4.1.2.1). */
	static final class Redirected extends RuntimeException {

		private final Target target;

		private final OAuthError error;

		Redirected(Target target, OAuthError error) {
			super(error.getMessage());
			this.target = target;
			this.error = error;
		}

		String location() {
			Map<String, String> params = new LinkedHashMap<>();
			params.put("error", error.error());
			params.put("error_description", error.getMessage());
			params.put("state", target.state());
			return redirect(target.redirectUri(), params);
		}

		OAuthError error() {
			return this.error;
		}

		record Target(String redirectUri, String state) {
		}

	}

}
