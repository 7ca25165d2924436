package dev.ferry.auth.session;

import java.time.Instant;

/**
 * A live session as its owner sees it; {@code current} marks the one making the request,
 * {@code idleExpiresAt} (browser sessions) when it ends unless used.
 */
record SessionView(String id, String userAgent, String ip, Instant createdAt, Instant lastUsedAt, Instant expiresAt,
		Instant idleExpiresAt, boolean current) {

	static SessionView of(SessionRepository.Session session, boolean current) {
		return new SessionView(session.id().toString(), session.userAgent(), session.ip(), session.createdAt(),
				session.lastUsedAt(), session.expiresAt(), session.idleExpiresAt(), current);
	}

}
