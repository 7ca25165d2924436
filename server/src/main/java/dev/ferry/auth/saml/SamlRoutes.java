package dev.ferry.auth.saml;

import dev.ferry.PublicPaths;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Ferry's metadata and the assertion consumer are reached without signing in; the
 * consumer takes its credentials (the signed response) in the body.
 */
@Configuration(proxyBeanMethods = false)
class SamlRoutes {

	@Bean
	PublicPaths samlEndpoints() {
		return PublicPaths.withOwnCredentials("/api/v1/auth/saml/*/metadata", "/api/v1/auth/saml/*/acs");
	}

}
