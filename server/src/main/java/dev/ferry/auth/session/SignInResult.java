package dev.ferry.auth.session;

/**
 * What a first sign-in step answers: tokens, or the request for a second factor.
 */
public sealed interface SignInResult permits TokenResponse, MfaChallenge {

}
