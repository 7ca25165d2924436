package dev.ferry.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import dev.ferry.PublicPaths;
import dev.ferry.auth.DownloadTickets;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * HTTP security: stateless bearer authentication (JWT access tokens or {@code fy_} API
 * keys, resolved by the auth module), problem+json for 401/403, and strict headers on
 * every response. Authorization proper happens in the services; this only requires a
 * caller to be authenticated outside the public endpoints.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
			+ "img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; worker-src 'self'; object-src 'none'; "
			+ "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	static final String BEARER_CHALLENGE = "Bearer realm=\"ferry\"";

	/**
	 * Reachable without signing in; the OpenAPI document marks them as such. Each module
	 * declares its own as {@link PublicPaths} beans.
	 */
	@Bean
	PublicPaths webPublicPaths() {
		return PublicPaths.of("/api/v1/openapi.json", "/error");
	}

	/**
	 * What browser tus clients (tus-js-client, Uppy) and clients of the IETF
	 * resumable-upload draft send and must be able to read.
	 */
	static final List<String> CORS_ALLOWED_HEADERS = List.of("Authorization", "Content-Type", "Tus-Resumable",
			"Upload-Length", "Upload-Offset", "Upload-Metadata", "Upload-Defer-Length", "Upload-Concat",
			"Upload-Checksum", "Upload-Complete", "Upload-Draft-Interop-Version", "Content-Disposition",
			"X-HTTP-Method-Override", "X-Requested-With", "X-Request-Id", "X-Share-Session", "X-Upload-Request");

	static final List<String> CORS_EXPOSED_HEADERS = List.of("Location", "Link", "Upload-Offset", "Upload-Length",
			"Tus-Version", "Tus-Resumable", "Tus-Max-Size", "Tus-Extension", "Upload-Metadata", "Upload-Defer-Length",
			"Upload-Concat", "Upload-Expires", "Upload-Complete", "Upload-Limit", "Accept-Patch", "X-Request-Id",
			"RateLimit", "RateLimit-Policy", "Retry-After");

	/**
	 * {@code /metrics} is scraped by Prometheus with a static token of its own
	 * ({@code FERRY_METRICS_TOKEN}), not a user credential, so it has its own chain: open
	 * when no token is configured (the default bind address is loopback), else
	 * {@code Authorization: Bearer <token>} is required.
	 */
	@Bean
	@Order(1)
	SecurityFilterChain metrics(HttpSecurity http, HttpProperties properties, ProblemWriter problems) throws Exception {
		AuthorizationManager<RequestAuthorizationContext> access = properties.metricsProtected()
				? bearerToken(properties.metricsToken()) : (authentication, context) -> new AuthorizationDecision(true);
		stateless(http).securityMatcher("/metrics")
			.exceptionHandling((handling) -> handling.authenticationEntryPoint(metricsChallenge(problems)))
			.headers(SecurityConfiguration::strictHeaders)
			.authorizeHttpRequests((authorize) -> authorize.anyRequest().access(access));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain api(HttpSecurity http, AuthenticationManagerResolver<HttpServletRequest> bearer,
			DeniedRequests denied, CorsProperties cors, List<PublicPaths> publicPaths, DownloadTickets tickets,
			@Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> controllers)
			throws Exception {
		stateless(http).cors((configurer) -> configurer.configurationSource(corsSource(cors)))
			.oauth2ResourceServer((resource) -> resource.authenticationManagerResolver(bearer)
				.bearerTokenResolver(bearerTokens(publicPaths, tickets))
				.authenticationEntryPoint(denied)
				.accessDeniedHandler(denied))
			.exceptionHandling((handling) -> handling.authenticationEntryPoint(denied).accessDeniedHandler(denied))
			.headers(SecurityConfiguration::strictHeaders)
			.authorizeHttpRequests((authorize) -> authorize.requestMatchers(publicMatcher(publicPaths, false))
				.permitAll()
				.requestMatchers(new UnknownRouteMatcher(controllers))
				.permitAll()
				.requestMatchers("/api/**")
				.authenticated()
				.anyRequest()
				.permitAll());
		return http.build();
	}

	private static HttpSecurity stateless(HttpSecurity http) throws Exception {
		return http.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable())
			.httpBasic((basic) -> basic.disable())
			.formLogin((form) -> form.disable())
			.logout((logout) -> logout.disable())
			.requestCache((cache) -> cache.disable());
	}

	private static void strictHeaders(HeadersConfigurer<HttpSecurity> headers) {
		headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
			.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.NO_REFERRER))
			.frameOptions((frame) -> frame.deny())
			.httpStrictTransportSecurity(
					(hsts) -> hsts.includeSubDomains(true).maxAgeInSeconds(SecurityHeaders.HSTS_MAX_AGE_SECONDS));
	}

	private static AuthenticationEntryPoint metricsChallenge(ProblemWriter problems) {
		return (request, response, ex) -> {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, BEARER_CHALLENGE);
			problems.write(request, response, HttpStatus.UNAUTHORIZED, "unauthenticated",
					"Send 'Authorization: Bearer <FERRY_METRICS_TOKEN>'.");
		};
	}

	/** Compares in constant time, so response timing does not reveal the token. */
	private static AuthorizationManager<RequestAuthorizationContext> bearerToken(String token) {
		byte[] expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
		return (authentication, context) -> {
			String given = context.getRequest().getHeader(HttpHeaders.AUTHORIZATION);
			return new AuthorizationDecision(
					given != null && MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8)));
		};
	}

	/**
	 * Public endpoints that take their own credentials (see {@link PublicPaths}) never
	 * have the Authorization header read as an account's credential. A download ticket in
	 * the query is a credential on the routes their modules declared as account ticket
	 * routes only.
	 */
	private static BearerTokenResolver bearerTokens(List<PublicPaths> publicPaths, DownloadTickets tickets) {
		DefaultBearerTokenResolver header = new DefaultBearerTokenResolver();
		RequestMatcher ownCredentials = publicMatcher(publicPaths, true);
		return (request) -> {
			if (ownCredentials.matches(request)) {
				return null;
			}
			if (request.getHeader(HttpHeaders.AUTHORIZATION) == null && tickets.presented(request)) {
				return request.getParameter(DownloadTickets.PARAMETER);
			}
			return header.resolve(request);
		};
	}

	private static RequestMatcher withCredentialHeader(String header, RequestMatcher path) {
		return (header == null) ? path : (request) -> request.getHeader(header) != null
				&& request.getHeader(HttpHeaders.AUTHORIZATION) == null && path.matches(request);
	}

	/** The public paths, or only those that take their own credentials. */
	private static RequestMatcher publicMatcher(List<PublicPaths> publicPaths, boolean ownCredentialsOnly) {
		List<RequestMatcher> matchers = publicPaths.stream()
			.filter((paths) -> !ownCredentialsOnly || paths.ownCredentials())
			.flatMap((paths) -> paths.patterns()
				.stream()
				.map((pattern) -> withCredentialHeader(paths.credentialHeader(),
						PathPatternRequestMatcher.withDefaults().matcher(paths.method(), pattern))))
			.toList();
		return matchers.isEmpty() ? (request) -> false : new OrRequestMatcher(matchers);
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
