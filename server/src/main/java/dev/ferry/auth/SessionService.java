package dev.ferry.auth;

import java.time.Instant;
import java.util.UUID;

import dev.ferry.FerryProperties;
import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.crypto.SecureTokens;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opens sessions (after any successful sign-in) and issues their token pairs. */
@Service
public class SessionService {

	private final SessionRepository sessions;

	private final AccessTokens accessTokens;

	private final AuditLog audit;

	private final FerryProperties properties;

	SessionService(SessionRepository sessions, AccessTokens accessTokens, AuditLog audit, FerryProperties properties) {
		this.sessions = sessions;
		this.accessTokens = accessTokens;
		this.audit = audit;
		this.properties = properties;
	}

	@Transactional
	public TokenResponse open(User user, ClientInfo client) {
		Instant now = Instant.now();
		UUID sessionId = UUID.randomUUID();
		sessions.create(sessionId, user.id(), now, now.plus(properties.tokens().refreshTtl()), client.ip(),
				client.userAgent());
		String refreshToken = SecureTokens.generate("");
		sessions.addRefreshToken(SecureTokens.hash(refreshToken), sessionId, now);
		audit.record(AuditEvent.success("auth.login").by(LoginService.actorOf(user)).object("session", sessionId));
		return TokenResponse.bearer(accessTokens.issue(user, sessionId), refreshToken, accessTokens.ttlSeconds());
	}

}
