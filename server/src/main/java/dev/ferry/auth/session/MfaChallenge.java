package dev.ferry.auth.session;

import java.util.List;

/**
 * The answer to a correct password when the account has a second factor: finish with
 * {@code POST /api/v1/auth/login/mfa} and {@code mfaToken} plus a code (or a passkey
 * assertion) within {@code expiresIn} seconds.
 */
public record MfaChallenge(boolean mfaRequired, String mfaToken, List<String> mfaMethods,
		long expiresIn) implements SignInResult {

}
