package dev.ferry.auth.oauth;

import dev.ferry.PublicPaths;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The protocol endpoints take no account credential: the token and revocation endpoints
 * authenticate the app themselves (Basic or {@code client_id}), so an
 * {@code Authorization} header there is the app's, never read as a bearer.
 */
@Configuration(proxyBeanMethods = false)
class OAuthRoutes {

	@Bean
	PublicPaths oauthProtocolEndpoints() {
		return PublicPaths.withOwnCredentials("/oauth2/authorize", "/oauth2/token", "/oauth2/revoke",
				"/.well-known/oauth-authorization-server");
	}

}
