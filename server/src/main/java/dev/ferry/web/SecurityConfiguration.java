package dev.ferry.web;

import java.time.Duration;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * HTTP security: stateless bearer authentication (JWT access tokens or {@code fy_} API
 * keys, resolved by the auth module), audited problem+json for 401/403
 * ({@link DeniedRequests}), and strict headers on every response. Authorization proper
 * happens in the services; this only requires a caller to be authenticated outside the
 * public endpoints.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; object-src 'none'; "
			+ "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	/** What browser tus clients (tus-js-client, Uppy) send and must be able to read. */
	static final List<String> CORS_ALLOWED_HEADERS = List.of("Authorization", "Content-Type", "Tus-Resumable",
			"Upload-Length", "Upload-Offset", "Upload-Metadata", "Upload-Defer-Length", "Upload-Concat",
			"Upload-Checksum", "X-HTTP-Method-Override", "X-Requested-With", "X-Request-Id");

	static final List<String> CORS_EXPOSED_HEADERS = List.of("Location", "Link", "Upload-Offset", "Upload-Length",
			"Tus-Version", "Tus-Resumable", "Tus-Max-Size", "Tus-Extension", "Upload-Metadata", "Upload-Defer-Length",
			"Upload-Concat", "Upload-Expires", "X-Request-Id");

	@Bean
	SecurityFilterChain api(HttpSecurity http, AuthenticationManagerResolver<HttpServletRequest> bearer,
			DeniedRequests denied, CorsProperties cors) throws Exception {
		http.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.cors((configurer) -> configurer.configurationSource(corsSource(cors)))
			.csrf((csrf) -> csrf.disable())
			.httpBasic((basic) -> basic.disable())
			.formLogin((form) -> form.disable())
			.logout((logout) -> logout.disable())
			.requestCache((cache) -> cache.disable())
			.oauth2ResourceServer((resource) -> resource.authenticationManagerResolver(bearer)
				.authenticationEntryPoint(denied)
				.accessDeniedHandler(denied))
			.exceptionHandling((handling) -> handling.authenticationEntryPoint(denied).accessDeniedHandler(denied))
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.NO_REFERRER))
				.frameOptions((frame) -> frame.deny())
				.httpStrictTransportSecurity((hsts) -> hsts.includeSubDomains(true).maxAgeInSeconds(31536000)))
			// Logout is listed as public because a browser may sign out with only its
			// refresh cookie; the controller then requires that cookie plus the CSRF
			// proof.
			.authorizeHttpRequests((authorize) -> authorize
				.requestMatchers("/api/v1/auth/login", "/api/v1/auth/login/**", "/api/v1/auth/refresh",
						"/api/v1/auth/logout", "/api/v1/auth/register", "/api/v1/auth/setup", "/api/v1/auth/providers",
						"/api/v1/openapi.json", "/api/v1/share/**", "/health", "/health/**", "/metrics", "/error")
				.permitAll()
				// tus discovery: clients ask what the server supports before signing
				// anything.
				.requestMatchers(HttpMethod.OPTIONS, "/api/v1/uploads", "/api/v1/uploads/*")
				.permitAll()
				.requestMatchers("/api/**")
				.authenticated()
				.anyRequest()
				.permitAll());
		return http.build();
	}

	/**
	 * No configured origin: no CORS headers at all, so browsers keep to the same origin.
	 */
	private static UrlBasedCorsConfigurationSource corsSource(CorsProperties properties) {
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		List<String> origins = properties.allowedOrigins();
		if (!origins.isEmpty()) {
			CorsConfiguration configuration = new CorsConfiguration();
			configuration.setAllowedOrigins(origins);
			configuration.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
			configuration.setAllowedHeaders(CORS_ALLOWED_HEADERS);
			configuration.setExposedHeaders(CORS_EXPOSED_HEADERS);
			configuration.setMaxAge(Duration.ofHours(1));
			source.registerCorsConfiguration("/api/**", configuration);
		}
		return source;
	}

}
