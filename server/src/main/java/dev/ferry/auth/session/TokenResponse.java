package dev.ferry.auth.session;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What a successful sign-in or refresh answers. {@code refreshToken} is left out (null)
 * when it travels in the HttpOnly cookie instead. {@code idleExpiresAt} (browser
 * sessions) is when the session ends unless used before, so a page can warn ahead;
 * {@code idleTimeoutSeconds} is that timeout itself, which a page cannot tell from the
 * deadline exactly: it would need the server's clock to the millisecond.
 * {@code mfaEnrollmentRequired} and {@code passwordChangeRequired} mark a restricted
 * session that may only do what the flag names.
 */
public record TokenResponse(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String accessToken,
		String refreshToken, String tokenType, long expiresIn, Instant idleExpiresAt, Long idleTimeoutSeconds,
		Boolean mfaEnrollmentRequired, Boolean passwordChangeRequired) implements SignInResult {

	static TokenResponse bearer(String accessToken, String refreshToken, long expiresIn) {
		return new TokenResponse(accessToken, refreshToken, "Bearer", expiresIn, null, null, null, null);
	}

	static TokenResponse of(String accessToken, String refreshToken, long expiresIn,
			SessionRepository.Session session) {
		SessionRestriction restriction = session.restriction();
		return new TokenResponse(accessToken, refreshToken, "Bearer", expiresIn, session.idleExpiresAt(),
				(session.idleTimeout() != null) ? session.idleTimeout().toSeconds() : null,
				(restriction == SessionRestriction.MFA_ENROLLMENT) ? Boolean.TRUE : null,
				(restriction == SessionRestriction.PASSWORD_CHANGE) ? Boolean.TRUE : null);
	}

	TokenResponse withoutRefreshToken() {
		return new TokenResponse(accessToken, null, tokenType, expiresIn, idleExpiresAt, idleTimeoutSeconds,
				mfaEnrollmentRequired, passwordChangeRequired);
	}

}
