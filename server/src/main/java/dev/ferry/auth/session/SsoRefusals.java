package dev.ferry.auth.session;

import java.net.URI;
import java.util.Set;

import dev.ferry.auth.AuthException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * What a single sign-on callback (OpenID Connect, SAML) answers when opening the session
 * was refused by the account's network rules, audited where they refused: the browser is
 * on its way back from the provider, so it gets the sign-in page saying why
 * ({@code /signin?sso_error=ip_not_allowed}), not a JSON body. Any other refusal goes on
 * to the usual problem answer.
 */
public final class SsoRefusals {

	private static final Set<String> NETWORK = Set.of("ip-not-allowed", "country-not-allowed");

	private SsoRefusals() {
	}

	public static ResponseEntity<Void> redirect(AuthException refused) {
		if (!NETWORK.contains(refused.slug())) {
			throw refused;
		}
		return ResponseEntity.status(HttpStatus.FOUND)
			.location(URI.create("/signin?sso_error=" + refused.slug().replace('-', '_')))
			.build();
	}

}
