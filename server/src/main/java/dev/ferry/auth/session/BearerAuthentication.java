package dev.ferry.auth.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
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

import dev.ferry.auth.CurrentUser;
import dev.ferry.auth.Scope;
import dev.ferry.auth.User;
import dev.ferry.auth.UserRepository;
import dev.ferry.auth.DownloadTicketException;
import dev.ferry.auth.DownloadTickets;

/**
 * Turns a bearer credential into a {@link CurrentUser}: {@code fy_...} API keys and
 * {@code fyat_...} OAuth2 access tokens go to the {@link KeyAuthentication} that accepts
 * them, everything else is a JWT access token. Both are checked against the database on
 * every request, so a revoked session or key, or a suspended account, stops working at
 * once, not when the token expires.
 */
@Component
class BearerAuthentication implements AuthenticationManagerResolver<HttpServletRequest> {

	private static final String BEARER = "Bearer ";

	/**
	 * Activity keeps a browser session from idling out; recording it at most once a
	 * minute keeps reads from all becoming writes.
	 */
	private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

	private final AuthenticationManager jwt;

	private final List<KeyAuthentication> keys;

	private final SessionRepository sessions;

	private final UserRepository users;

	private final DownloadTickets tickets;

	private final Clock clock;

	BearerAuthentication(AccessTokens tokens, List<KeyAuthentication> keys, SessionRepository sessions,
			UserRepository users, DownloadTickets tickets, Clock clock) {
		this.keys = keys;
		this.sessions = sessions;
		this.tickets = tickets;
		this.users = users;
		this.clock = clock;
		JwtAuthenticationProvider provider = new JwtAuthenticationProvider(tokens.decoder());
		provider.setJwtAuthenticationConverter(this::toAuthentication);
		this.jwt = provider::authenticate;
	}

	@Override
	public AuthenticationManager resolve(HttpServletRequest request) {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (authorization == null && tickets.presented(request)) {
			return (authentication) -> ticket(request, ((BearerTokenAuthenticationToken) authentication).getToken());
		}
		if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			return jwt;
		}
		String credential = authorization.substring(BEARER.length());
		return keys.stream()
			.filter((key) -> key.accepts(credential))
			.findFirst()
			.<AuthenticationManager>map((key) -> (authentication) -> key
				.authenticate(((BearerTokenAuthenticationToken) authentication).getToken())
				.map(FerryAuthentication::new)
				.orElseThrow(() -> new InvalidBearerTokenException("Unknown, expired or revoked key or token")))
			.orElse(jwt);
	}

	/**
	 * A restricted session's caller has no scopes; {@link SessionRestrictions} also turns
	 * away its requests outside what the restriction allows. A device sign-in's session
	 * has at most the scopes the device asked for.
	 */
	private FerryAuthentication toAuthentication(Jwt token) {
		return sessionAuthentication(UUID.fromString(token.getClaimAsString("sid")), true);
	}

	/**
	 * A ticket acts for the session that asked for it, with that session's rights, and
	 * only for the one request it was issued for. It is not the session's owner at work:
	 * whoever replays a ticket URL must not keep an idle session alive.
	 */
	private FerryAuthentication ticket(HttpServletRequest request, String ticket) {
		try {
			return sessionAuthentication(tickets.redeem(ticket, DownloadTickets.Holder.SESSION, request).holderId(),
					false);
		}
		catch (DownloadTicketException ex) {
			throw new InvalidBearerTokenException("Download ticket " + ex.reason());
		}
	}

	private FerryAuthentication sessionAuthentication(UUID sessionId, boolean activity) {
		Instant now = clock.instant();
		SessionRepository.Session session = sessions.findActive(sessionId, now)
			.orElseThrow(() -> new InvalidBearerTokenException("Session ended or account suspended"));
		User user = users.findById(session.userId())
			.filter(User::isActive)
			.orElseThrow(() -> new InvalidBearerTokenException("Session ended or account suspended"));
		if (activity && !session.lastUsedAt().plus(TOUCH_INTERVAL).isAfter(now)) {
			sessions.markUsed(sessionId, now);
		}
		Set<Scope> scopes = session.allowed(user.role().scopes());
		return new FerryAuthentication(
				new CurrentUser(user.id(), user.email(), user.name(), user.role(), scopes, sessionId, null),
				session.restriction());
	}

}
