package dev.ferry.auth.saml;

import dev.ferry.PublicPaths;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Ferry's metadata, the assertion consumer and the single logout endpoint are reached
 * without signing in; the latter two take their credentials (signed messages) in the
 * request.
 */
@Configuration(proxyBeanMethods = false)
class SamlRoutes {

	@Bean
	PublicPaths samlEndpoints() {
		return PublicPaths.withOwnCredentials("/api/v1/auth/saml/*/metadata", "/api/v1/auth/saml/*/acs",
				"/api/v1/auth/saml/*/slo");
	}

}
