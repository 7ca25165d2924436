package dev.ferry.auth;

import java.time.Instant;

/**
 * A live session as its owner sees it; {@code current} marks the one making the request.
 */
record SessionView(String id, String userAgent, String ip, Instant createdAt, Instant lastUsedAt, Instant expiresAt,
		boolean current) {

	static SessionView of(SessionRepository.Session session, boolean current) {
		return new SessionView(session.id().toString(), session.userAgent(), session.ip(), session.createdAt(),
				session.lastUsedAt(), session.expiresAt(), current);
	}

}
