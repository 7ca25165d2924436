package dev.ferry.auth.session;

import java.util.Locale;
import java.util.Set;

import dev.ferry.auth.AuthException;

/**
 * What a session may do until its owner fixes their account: only the endpoints listed
 * here (and signing out) work; everything else answers 403 with this problem.
 */
public enum SessionRestriction {

	/** Two-factor authentication is required but not set up yet. */
	MFA_ENROLLMENT(
			Set.of("/api/v1/auth/2fa", "/api/v1/auth/2fa/enable", "/api/v1/auth/2fa/verify", "/api/v1/auth/passkeys",
					"/api/v1/auth/passkeys/registration/options", "/api/v1/auth/passkeys/registration")),

	/** The password is older than the maximum age. */
	PASSWORD_CHANGE(Set.of("/api/v1/auth/password"));

	private static final Set<String> ALWAYS = Set.of("/api/v1/auth/logout", "/api/v1/auth/refresh",
			"/api/v1/auth/providers");

	/**
	 * Who is signed in, which the page needs to show what to fix (and its language);
	 * erasing the account ({@code DELETE} there) is no fix and needs the full sign-in.
	 */
	private static final String ME = "/api/v1/me";

	private final Set<String> allowed;

	SessionRestriction(Set<String> allowed) {
		this.allowed = allowed;
	}

	boolean allows(String method, String path) {
		return ALWAYS.contains(path) || allowed.contains(path) || (ME.equals(path) && !"DELETE".equals(method));
	}

	String dbName() {
		return name().toLowerCase(Locale.ROOT);
	}

	static SessionRestriction of(String dbName) {
		return (dbName != null) ? valueOf(dbName.toUpperCase(Locale.ROOT)) : null;
	}

	AuthException problem() {
		return (this == MFA_ENROLLMENT) ? AuthException.mfaEnrollmentRequired()
				: AuthException.passwordChangeRequired();
	}

}
