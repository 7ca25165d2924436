package dev.ferry.auth.session;

import java.util.Optional;

import dev.ferry.auth.CurrentUser;

/**
 * Bearer credentials that are not sign-in access tokens: API keys, plugged in by
 * {@code auth.apikey}, and OAuth2 access tokens, by {@code auth.oauth}. Each is told
 * apart by its prefix.
 */
public interface KeyAuthentication {

	/** Whether a bearer credential is one of these keys (judged by its form alone). */
	boolean accepts(String credential);

	/** The caller a key stands for; empty when it is unknown, expired or revoked. */
	Optional<CurrentUser> authenticate(String credential);

}
