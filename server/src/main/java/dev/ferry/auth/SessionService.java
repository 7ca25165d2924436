package dev.ferry.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.ferry.FerryProperties;
import dev.ferry.audit.AuditActor;
import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.crypto.SecureTokens;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sessions and their token pairs. A session is one refresh-token family: every refresh
 * rotates the token, and presenting a rotated one again means it was copied, so the whole
 * session is revoked. Expiry slides: a session ends after {@code refresh-ttl} without
 * use.
 */
@Service
public class SessionService {

	private final SessionRepository sessions;

	private final UserRepository users;

	private final AccessTokens accessTokens;

	private final AuditLog audit;

	private final FerryProperties properties;

	private final Clock clock;

	SessionService(SessionRepository sessions, UserRepository users, AccessTokens accessTokens, AuditLog audit,
			FerryProperties properties, Clock clock) {
		this.sessions = sessions;
		this.users = users;
		this.accessTokens = accessTokens;
		this.audit = audit;
		this.properties = properties;
		this.clock = clock;
	}

	@Transactional
	public TokenResponse open(User user, ClientInfo client) {
		Instant now = clock.instant();
		UUID sessionId = UUID.randomUUID();
		sessions.create(sessionId, user.id(), now, now.plus(properties.tokens().refreshTtl()), client.ip(),
				client.userAgent());
		audit.record(AuditEvent.success("auth.login").by(user.auditActor()).object("session", sessionId));
		return issue(user, sessionId, now);
	}

	/**
	 * Exchanges a refresh token for a new pair; failures commit their revocation and
	 * audit.
	 */
	@Transactional(noRollbackFor = AuthException.class)
	TokenResponse refresh(String refreshToken, ClientInfo client) {
		Instant now = clock.instant();
		String hash = SecureTokens.hash(refreshToken);
		SessionRepository.RefreshToken token = sessions.findRefreshToken(hash).orElseThrow(() -> {
			audit.record(AuditEvent.failure("auth.refresh").detail("reason", "unknown_token"));
			return AuthException.invalidRefreshToken();
		});
		User user = users.findById(token.userId()).orElseThrow(AuthException::invalidRefreshToken);
		if (token.rotatedAt() != null) {
			throw reused(user, token.sessionId(), now);
		}
		if (!token.sessionLive(now)) {
			audit.record(AuditEvent.failure("auth.refresh")
				.by(user.auditActor())
				.object("session", token.sessionId())
				.detail("reason", "session_ended"));
			throw AuthException.invalidRefreshToken();
		}
		if (!user.isActive()) {
			audit.record(AuditEvent.denied("auth.refresh")
				.by(user.auditActor())
				.object("session", token.sessionId())
				.detail("reason", "suspended"));
			throw AuthException.invalidRefreshToken();
		}
		if (!sessions.markRotated(hash, now)) {
			throw reused(user, token.sessionId(), now);
		}
		sessions.touch(token.sessionId(), now, now.plus(properties.tokens().refreshTtl()), client.ip());
		audit.record(AuditEvent.success("auth.refresh").by(user.auditActor()).object("session", token.sessionId()));
		return issue(user, token.sessionId(), now);
	}

	/**
	 * Ends the caller's own session; its access tokens stop working with the next
	 * request.
	 */
	@Transactional(noRollbackFor = AuthException.class)
	void logout(CurrentUser caller) {
		if (caller.sessionId() == null) {
			audit.record(AuditEvent.denied("auth.logout").detail("reason", "api_key"));
			throw AuthException.forbidden("API keys have no session to end; revoke the key instead.");
		}
		sessions.revoke(caller.sessionId(), clock.instant(), "logout");
		audit.record(AuditEvent.success("auth.logout").object("session", caller.sessionId()));
	}

	/**
	 * Ends the session a (cookie) refresh token belongs to; unknown tokens end nothing.
	 */
	@Transactional
	void logout(String refreshToken) {
		sessions.findRefreshToken(SecureTokens.hash(refreshToken)).ifPresentOrElse((token) -> {
			sessions.revoke(token.sessionId(), clock.instant(), "logout");
			audit.record(AuditEvent.success("auth.logout")
				.by(new AuditActor("user", token.userId().toString(), null))
				.object("session", token.sessionId()));
		}, () -> audit.record(AuditEvent.failure("auth.logout").detail("reason", "unknown_token")));
	}

	@Transactional
	List<SessionView> list(CurrentUser caller) {
		audit.record(AuditEvent.success("auth.session_list"));
		return sessions.listActive(caller.userId(), clock.instant())
			.stream()
			.map((session) -> SessionView.of(session, session.id().equals(caller.sessionId())))
			.toList();
	}

	/**
	 * Revokes one of the caller's sessions; anyone else's (or an unknown id) is a 404.
	 */
	@Transactional(noRollbackFor = AuthException.class)
	void revoke(CurrentUser caller, UUID sessionId) {
		requireSession(caller, "auth.session_revoke");
		if (!sessions.revokeOwn(caller.userId(), sessionId, clock.instant(), "revoked")) {
			audit.record(AuditEvent.failure("auth.session_revoke").object("session", sessionId));
			throw AuthException.notFound("session");
		}
		audit.record(AuditEvent.success("auth.session_revoke").object("session", sessionId));
	}

	/** Revokes every other session of the caller (sign out everywhere else). */
	@Transactional(noRollbackFor = AuthException.class)
	void revokeOthers(CurrentUser caller) {
		requireSession(caller, "auth.session_revoke_others");
		int count = sessions.revokeAll(caller.userId(), caller.sessionId(), clock.instant(), "revoked");
		audit.record(AuditEvent.success("auth.session_revoke_others").detail("count", count));
	}

	/**
	 * Ends every session of a user (suspension, deletion); the caller audits the cause.
	 */
	void revokeAll(UUID userId, String reason) {
		sessions.revokeAll(userId, null, clock.instant(), reason);
	}

	/**
	 * Credential management needs an interactive session: a leaked API key must not be
	 * able to end the owner's sessions.
	 */
	private void requireSession(CurrentUser caller, String action) {
		if (caller.sessionId() == null) {
			audit.record(AuditEvent.denied(action).detail("reason", "api_key"));
			throw AuthException.forbidden("Sign in with a password to manage sessions; API keys cannot.");
		}
	}

	private AuthException reused(User user, UUID sessionId, Instant now) {
		sessions.revoke(sessionId, now, "refresh_reuse");
		audit.record(AuditEvent.denied("auth.refresh_reuse").by(user.auditActor()).object("session", sessionId));
		return AuthException.invalidRefreshToken();
	}

	private TokenResponse issue(User user, UUID sessionId, Instant now) {
		String refreshToken = SecureTokens.generate("");
		sessions.addRefreshToken(SecureTokens.hash(refreshToken), sessionId, now);
		return TokenResponse.bearer(accessTokens.issue(user, sessionId), refreshToken, accessTokens.ttlSeconds());
	}

}
