package dev.ferry.auth.session;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The answer to a correct password when the account has a second factor: finish with
 * {@code POST /api/v1/auth/login/mfa} and {@code mfaToken} plus a code (or a passkey
 * assertion) within {@code expiresIn} seconds.
 */
public record MfaChallenge(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) boolean mfaRequired,
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String mfaToken, List<String> mfaMethods,
		long expiresIn) implements SignInResult {

}
