/**
 * Single sign-on with OpenID Connect providers: sign-in, linked identities, provider
 * sign-out.
 */
@ApplicationModule(displayName = "Auth: single sign-on",
		allowedDependencies = { "audit", "auth", "auth.account", "auth.session", "crypto" })
package dev.ferry.auth.oidc;

import org.springframework.modulith.ApplicationModule;
