package dev.ferry.auth.session;

import java.util.Optional;
import java.util.UUID;

/**
 * Where a browser should go after sign-out to end the session at the single sign-on
 * provider it came from too; plugged in by {@code auth.oidc} and {@code auth.saml} (each
 * answers only for the sessions it opened).
 */
public interface ProviderSignOut {

	/** The provider's sign-out address for a just-ended session, if it came from one. */
	Optional<String> logoutUrl(UUID sessionId);

}
