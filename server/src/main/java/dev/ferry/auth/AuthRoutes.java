package dev.ferry.auth;

import dev.ferry.PublicPaths;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The auth module's endpoints that are reachable without signing in. */
@Configuration(proxyBeanMethods = false)
class AuthRoutes {

	/**
	 * Credential endpoints take their credentials in the body or a cookie: an expired
	 * access token a client attaches to every request by habit must not turn them into a
	 * 401.
	 */
	@Bean
	PublicPaths credentialEndpoints() {
		return PublicPaths.withOwnCredentials("/api/v1/auth/login", "/api/v1/auth/login/mfa", "/api/v1/auth/refresh",
				"/api/v1/auth/register", "/api/v1/auth/setup", "/api/v1/auth/password-reset",
				"/api/v1/auth/password-reset/confirm", "/api/v1/auth/passkeys/login",
				"/api/v1/auth/passkeys/login/options");
	}

	/**
	 * Logout is public because a browser may sign out with only its refresh cookie; the
	 * controller then requires that cookie plus the CSRF proof.
	 */
	@Bean
	PublicPaths signInPages() {
		return PublicPaths.of("/api/v1/auth/login/**", "/api/v1/auth/logout", "/api/v1/auth/providers");
	}

}
