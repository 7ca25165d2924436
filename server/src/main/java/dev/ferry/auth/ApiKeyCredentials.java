package dev.ferry.auth;

import java.util.Optional;

/**
 * Checks a bearer API key for endpoints that take it themselves instead of through the
 * HTTP security chain (SCIM answers its own errors). Implemented by {@code auth.apikey};
 * refusals are audited there as {@code auth.api_key_use}.
 */
public interface ApiKeyCredentials {

	/**
	 * The caller a presented key stands for; empty when it is unknown or may not be used.
	 */
	Optional<CurrentUser> authenticate(String key);

}
