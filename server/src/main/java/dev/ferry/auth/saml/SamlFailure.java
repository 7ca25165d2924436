package dev.ferry.auth.saml;

/**
 * A SAML sign-in that could not be completed. {@code reason} is a stable code the browser
 * is sent back with ({@code /signin?sso_error=<reason>}) and the audit trail records; the
 * message is for the log only.
 */
class SamlFailure extends RuntimeException {

	private final String reason;

	SamlFailure(String reason, String message) {
		this(reason, message, null);
	}

	SamlFailure(String reason, String message, Throwable cause) {
		super(message, cause);
		this.reason = reason;
	}

	String reason() {
		return reason;
	}

}
