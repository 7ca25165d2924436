package dev.ferry.auth;

import java.time.Instant;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.stereotype.Component;

/**
 * Turns a bearer credential into a {@link CurrentUser}. Access tokens are checked against
 * the database on every request, so a revoked session or a suspended account stops
 * working at once, not when the token expires.
 */
@Component
class BearerAuthentication implements AuthenticationManagerResolver<HttpServletRequest> {

	private final AuthenticationManager jwt;

	private final SessionRepository sessions;

	private final UserRepository users;

	BearerAuthentication(AccessTokens tokens, SessionRepository sessions, UserRepository users) {
		this.sessions = sessions;
		this.users = users;
		JwtAuthenticationProvider provider = new JwtAuthenticationProvider(tokens.decoder());
		provider.setJwtAuthenticationConverter(this::toAuthentication);
		this.jwt = provider::authenticate;
	}

	@Override
	public AuthenticationManager resolve(HttpServletRequest request) {
		return jwt;
	}

	private FerryAuthentication toAuthentication(Jwt token) {
		UUID sessionId = UUID.fromString(token.getClaimAsString("sid"));
		User user = sessions.activeSessionUser(sessionId, Instant.now())
			.flatMap(users::findById)
			.filter(User::isActive)
			.orElseThrow(() -> new InvalidBearerTokenException("Session ended or account suspended"));
		return new FerryAuthentication(
				new CurrentUser(user.id(), user.email(), user.role(), user.role().scopes(), sessionId, null));
	}

}
