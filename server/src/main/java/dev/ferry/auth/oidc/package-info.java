/**
 * Single sign-on with OpenID Connect providers: sign-in, linked identities, provider
 * sign-out.
 */
@ApplicationModule(displayName = "Auth: single sign-on")
package dev.ferry.auth.oidc;

import org.springframework.modulith.ApplicationModule;
