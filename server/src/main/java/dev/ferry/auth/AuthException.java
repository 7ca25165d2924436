package dev.ferry.auth;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.ferry.ProblemException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** Authentication and account errors, each with a stable problem type. */
public class AuthException extends ProblemException {

	public AuthException(HttpStatus status, String slug, String title, String detail) {
		super(status, slug, title, detail);
	}

	private AuthException(HttpStatus status, String slug, String title, String detail, Map<String, Object> properties) {
		super(status, slug, title, detail, properties);
	}

	public static AuthException invalidCredentials() {
		return new AuthException(HttpStatus.UNAUTHORIZED, "invalid-credentials", "Sign-in failed",
				"The email or password is wrong.");
	}

	public static AuthException suspended() {
		return new AuthException(HttpStatus.FORBIDDEN, "account-suspended", "Account suspended",
				"This account is suspended. Contact your administrator.");
	}

	public static AuthException tooManyAttempts(Duration retryAfter) {
		return tooManyAttempts("sign-in attempts", retryAfter);
	}

	/** 429 with {@code Retry-After}; {@code what} names what came too often. */
	public static AuthException tooManyAttempts(String what, Duration retryAfter) {
		long seconds = Math.max(1, retryAfter.toSeconds() + ((retryAfter.toNanosPart() > 0) ? 1 : 0));
		AuthException ex = new AuthException(HttpStatus.TOO_MANY_REQUESTS, "too-many-attempts", "Too many " + what,
				"Too many " + what + ". Try again in " + seconds + " seconds.");
		ex.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
		return ex;
	}

	public static AuthException unauthenticated() {
		AuthException ex = new AuthException(HttpStatus.UNAUTHORIZED, "unauthenticated", "Not signed in",
				"Sign in first: send 'Authorization: Bearer <access token or API key>' or the refresh cookie.");
		ex.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"ferry\"");
		return ex;
	}

	public static AuthException invalidRefreshToken() {
		return new AuthException(HttpStatus.UNAUTHORIZED, "invalid-refresh-token", "Session ended",
				"The refresh token is invalid, expired or already used. Sign in again.");
	}

	public static AuthException csrf() {
		return new AuthException(HttpStatus.FORBIDDEN, "csrf", "CSRF check failed",
				"Cookie-authenticated requests must echo the __Host-ferry-csrf cookie in the X-CSRF-Token header.");
	}

	public static AuthException forbidden(String detail) {
		return new AuthException(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail);
	}

	public static AuthException notFound(String what) {
		return new AuthException(HttpStatus.NOT_FOUND, "not-found", "Not found", "No such " + what + ".");
	}

	public static AuthException conflict(String slug, String title, String detail) {
		return new AuthException(HttpStatus.CONFLICT, slug, title, detail);
	}

	/**
	 * A 400 shaped like a bean validation failure, for checks only a service can make.
	 */
	public static AuthException invalidField(String field, String message) {
		return new AuthException(HttpStatus.BAD_REQUEST, "validation", "Invalid request",
				"Some fields are invalid; see 'errors'.",
				Map.of("errors", List.of(Map.of("field", field, "message", message))));
	}

	/**
	 * A password that breaks the policy: a validation problem whose field error also
	 * carries nbvcxz's {@code suggestions}.
	 */
	public static AuthException invalidPassword(String field, String message, List<String> suggestions) {
		return new AuthException(HttpStatus.BAD_REQUEST, "validation", "Invalid request",
				"Some fields are invalid; see 'errors'.",
				Map.of("errors", List.of(Map.of("field", field, "message", message, "suggestions", suggestions))));
	}

	public static AuthException mfaEnrollmentRequired() {
		return new AuthException(HttpStatus.FORBIDDEN, "mfa-enrollment-required", "Two-factor authentication required",
				"This server requires two-factor authentication for your account. Set it up first: "
						+ "POST /api/v1/auth/2fa/enable (authenticator app) or register a passkey.");
	}

	public static AuthException passwordChangeRequired() {
		return new AuthException(HttpStatus.FORBIDDEN, "password-change-required", "Password change required",
				"Your password has expired. Choose a new one with POST /api/v1/auth/password first.");
	}

	public static AuthException passwordLoginDisabled() {
		return new AuthException(HttpStatus.FORBIDDEN, "password-login-disabled", "Password sign-in disabled",
				"This server does not accept passwords; sign in with single sign-on or a passkey (see GET /api/v1/auth/providers).");
	}

	public static AuthException directoryUnavailable() {
		return new AuthException(HttpStatus.SERVICE_UNAVAILABLE, "directory-unavailable", "Directory unavailable",
				"The directory (LDAP / Active Directory) that checks this account's password did not answer; try again later.");
	}

	public static AuthException directoryAccount() {
		return new AuthException(HttpStatus.CONFLICT, "directory-account", "Password managed by the directory",
				"This account signs in with its directory (LDAP / Active Directory) password; change or reset it there, not in Ferry.");
	}

	public static AuthException invalidMfaToken() {
		return new AuthException(HttpStatus.UNAUTHORIZED, "invalid-mfa-token", "Sign-in expired",
				"The sign-in ticket is unknown, expired, already used or has seen too many wrong codes. Sign in again.");
	}

	public static AuthException invalidCode() {
		return new AuthException(HttpStatus.UNAUTHORIZED, "invalid-code", "Wrong code",
				"The code is wrong or was already used. Enter the current code from your authenticator app, or a recovery code.");
	}

	public static AuthException invalidPasskey() {
		return new AuthException(HttpStatus.UNAUTHORIZED, "invalid-passkey", "Passkey not accepted",
				"The passkey response is invalid, unknown, for another sign-in or expired. Start again.");
	}

	public static AuthException invalidResetToken() {
		return new AuthException(HttpStatus.BAD_REQUEST, "invalid-reset-token", "Invalid reset link",
				"The password-reset link is unknown, expired or already used. Ask for a new one.");
	}

	public static AuthException interactiveSessionRequired(String what) {
		return forbidden("Sign in interactively to " + what + "; API keys cannot.");
	}

	public static AuthException fullSessionRequired(String what) {
		return forbidden("This session was signed in for a device with only some of your scopes. Sign in with your "
				+ "password, a passkey or single sign-on to " + what + ".");
	}

}
