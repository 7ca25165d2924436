package dev.ferry.auth.session;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What a first sign-in step answers: tokens, or the request for a second factor. The
 * document says which two shapes, so generated clients get a typed answer, not an empty
 * object.
 */
@Schema(oneOf = { TokenResponse.class, MfaChallenge.class })
public sealed interface SignInResult permits TokenResponse, MfaChallenge {

}
