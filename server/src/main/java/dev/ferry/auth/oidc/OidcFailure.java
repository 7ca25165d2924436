package dev.ferry.auth.oidc;

/**
 * A single sign-on that could not be completed. {@code reason} is a stable code the
 * browser is sent back with ({@code /signin?sso_error=<reason>}) and the audit trail
 * records; the message is for the log only.
 */
public class OidcFailure extends RuntimeException {

	private final String reason;

	OidcFailure(String reason, String message) {
		this(reason, message, null);
	}

	OidcFailure(String reason, String message, Throwable cause) {
		super(message, cause);
		this.reason = reason;
	}

	public String reason() {
		return reason;
	}

}
