package dev.ferry.auth.oauth;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * An error as RFC 6749 defines it ({@code error}, {@code error_description}): the token
 * and revocation endpoints answer it as JSON, the authorization endpoint sends it back to
 * the app's redirect URI once that URI is known to be the app's.
 */
class OAuthError extends RuntimeException {

	private final String error;

	private final HttpStatus status;

	OAuthError(String error, String description) {
		this(error, description, HttpStatus.BAD_REQUEST);
	}

	OAuthError(String error, String description, HttpStatus status) {
		super(description);
		this.error = error;
		this.status = status;
	}

	static OAuthError invalidRequest(String description) {
		return new OAuthError("invalid_request", description);
	}

	static OAuthError invalidGrant(String description) {
		return new OAuthError("invalid_grant", description);
	}

	static OAuthError invalidClient(String description) {
		return new OAuthError("invalid_client", description, HttpStatus.UNAUTHORIZED);
	}

	String error() {
		return this.error;
	}

	HttpStatus status() {
		return this.status;
	}

	Map<String, String> body() {
		Map<String, String> body = new LinkedHashMap<>();
		body.put("error", this.error);
		body.put("error_description", getMessage());
		return body;
	}

}
