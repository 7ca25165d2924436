package dev.ferry.auth;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class SessionRepository {

	private final JdbcClient jdbc;

	SessionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void create(UUID id, UUID userId, Instant now, Instant expiresAt, String ip, String userAgent) {
		jdbc.sql("""
				INSERT INTO sessions (id, user_id, created_at, last_used_at, expires_at, ip, user_agent)
				VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(id.toString(), userId.toString(), now.toEpochMilli(), now.toEpochMilli(), expiresAt.toEpochMilli(),
					ip, userAgent)
			.update();
	}

	void addRefreshToken(String tokenHash, UUID sessionId, Instant now) {
		jdbc.sql("INSERT INTO refresh_tokens (token_hash, session_id, created_at) VALUES (?, ?, ?)")
			.params(tokenHash, sessionId.toString(), now.toEpochMilli())
			.update();
	}

	/** The user behind a session that is neither revoked nor expired. */
	Optional<UUID> activeSessionUser(UUID sessionId, Instant now) {
		return jdbc.sql("SELECT user_id FROM sessions WHERE id = ? AND revoked_at IS NULL AND expires_at > ?")
			.params(sessionId.toString(), now.toEpochMilli())
			.query((rs, i) -> UUID.fromString(rs.getString(1)))
			.optional();
	}

}
