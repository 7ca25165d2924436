/**
 * The OAuth2 provider: third-party apps registered by users, the authorization code flow
 * with PKCE ({@code /oauth2/authorize}, {@code /oauth2/token}, {@code /oauth2/revoke},
 * metadata at {@code /.well-known/oauth-authorization-server}), the consent the web UI
 * asks for, and scoped {@code fyat_} access tokens that the normal API accepts (see
 * docs/oauth.md).
 */
@ApplicationModule(displayName = "Auth: OAuth2 provider",
		allowedDependencies = { "audit", "auth", "auth.session", "crypto" })
package dev.ferry.auth.oauth;

import org.springframework.modulith.ApplicationModule;
