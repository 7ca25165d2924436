package dev.ferry.auth;

import java.time.Clock;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.stereotype.Component;

/**
 * Turns a bearer credential into a {@link CurrentUser}: {@code fy_...} API keys go to the
 * key manager, everything else is a JWT access token. Both are checked against the
 * database on every request, so a revoked session or key, or a suspended account, stops
 * working at once, not when the token expires.
 */
@Component
class BearerAuthentication implements AuthenticationManagerResolver<HttpServletRequest> {

	private static final String BEARER = "Bearer ";

	private final AuthenticationManager jwt;

	private final AuthenticationManager apiKey;

	private final SessionRepository sessions;

	private final UserRepository users;

	private final Clock clock;

	BearerAuthentication(AccessTokens tokens, ApiKeyService apiKeys, SessionRepository sessions, UserRepository users,
			Clock clock) {
		this.sessions = sessions;
		this.users = users;
		this.clock = clock;
		JwtAuthenticationProvider provider = new JwtAuthenticationProvider(tokens.decoder());
		provider.setJwtAuthenticationConverter(this::toAuthentication);
		this.jwt = provider::authenticate;
		this.apiKey = (authentication) -> apiKeys
			.authenticate(((BearerTokenAuthenticationToken) authentication).getToken())
			.map(FerryAuthentication::new)
			.orElseThrow(() -> new InvalidBearerTokenException("Unknown, expired or revoked API key"));
	}

	@Override
	public AuthenticationManager resolve(HttpServletRequest request) {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		boolean isApiKey = authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
				&& authorization.startsWith(ApiKeyService.PREFIX, BEARER.length());
		return isApiKey ? apiKey : jwt;
	}

	private FerryAuthentication toAuthentication(Jwt token) {
		UUID sessionId = UUID.fromString(token.getClaimAsString("sid"));
		User user = sessions.activeSessionUser(sessionId, clock.instant())
			.flatMap(users::findById)
			.filter(User::isActive)
			.orElseThrow(() -> new InvalidBearerTokenException("Session ended or account suspended"));
		return new FerryAuthentication(
				new CurrentUser(user.id(), user.email(), user.role(), user.role().scopes(), sessionId, null));
	}

}
