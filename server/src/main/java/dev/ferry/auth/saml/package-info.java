/**
 * Single sign-on with SAML 2.0 identity providers: the service provider's metadata,
 * SP-initiated sign-in over the redirect and POST bindings, signed-assertion checks.
 */
@ApplicationModule(displayName = "Auth: SAML 2.0",
		allowedDependencies = { "audit", "auth", "auth.oidc", "auth.session", "crypto" })
package dev.ferry.auth.saml;

import org.springframework.modulith.ApplicationModule;
