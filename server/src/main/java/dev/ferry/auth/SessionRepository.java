package dev.ferry.auth;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class SessionRepository {

	private static final String ACTIVE = "revoked_at IS NULL AND expires_at > ?";

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
		return jdbc.sql("SELECT user_id FROM sessions WHERE id = ? AND " + ACTIVE)
			.params(sessionId.toString(), now.toEpochMilli())
			.query((rs, i) -> UUID.fromString(rs.getString(1)))
			.optional();
	}

	Optional<RefreshToken> findRefreshToken(String tokenHash) {
		return jdbc.sql("""
				SELECT t.session_id, s.user_id, t.rotated_at, s.revoked_at, s.expires_at
				FROM refresh_tokens t JOIN sessions s ON s.id = t.session_id
				WHERE t.token_hash = ?""").param(tokenHash).query((rs, i) -> {
			long rotated = rs.getLong("rotated_at");
			boolean neverRotated = rs.wasNull();
			long revoked = rs.getLong("revoked_at");
			boolean neverRevoked = rs.wasNull();
			return new RefreshToken(UUID.fromString(rs.getString("session_id")),
					UUID.fromString(rs.getString("user_id")), neverRotated ? null : Instant.ofEpochMilli(rotated),
					neverRevoked ? null : Instant.ofEpochMilli(revoked),
					Instant.ofEpochMilli(rs.getLong("expires_at")));
		}).optional();
	}

	/**
	 * Marks a refresh token used. Answers false when another request used it first: the
	 * conditional update is what makes rotation safe against two concurrent refreshes.
	 */
	boolean markRotated(String tokenHash, Instant now) {
		return jdbc.sql("UPDATE refresh_tokens SET rotated_at = ? WHERE token_hash = ? AND rotated_at IS NULL")
			.params(now.toEpochMilli(), tokenHash)
			.update() == 1;
	}

	void touch(UUID sessionId, Instant now, Instant expiresAt, String ip) {
		jdbc.sql("UPDATE sessions SET last_used_at = ?, expires_at = ?, ip = ? WHERE id = ?")
			.params(now.toEpochMilli(), expiresAt.toEpochMilli(), ip, sessionId.toString())
			.update();
	}

	boolean revoke(UUID sessionId, Instant now, String reason) {
		return jdbc.sql("UPDATE sessions SET revoked_at = ?, revoke_reason = ? WHERE id = ? AND revoked_at IS NULL")
			.params(now.toEpochMilli(), reason, sessionId.toString())
			.update() == 1;
	}

	/** Revokes one session of this user; false when the user has no such live session. */
	boolean revokeOwn(UUID userId, UUID sessionId, Instant now, String reason) {
		return jdbc
			.sql("UPDATE sessions SET revoked_at = ?, revoke_reason = ? WHERE id = ? AND user_id = ? AND " + ACTIVE)
			.params(now.toEpochMilli(), reason, sessionId.toString(), userId.toString(), now.toEpochMilli())
			.update() == 1;
	}

	/** Revokes every live session of the user except {@code keep} (which may be null). */
	int revokeAll(UUID userId, UUID keep, Instant now, String reason) {
		return jdbc
			.sql("UPDATE sessions SET revoked_at = ?, revoke_reason = ? WHERE user_id = ? AND id <> ? AND " + ACTIVE)
			.params(now.toEpochMilli(), reason, userId.toString(), (keep != null) ? keep.toString() : "",
					now.toEpochMilli())
			.update();
	}

	List<Session> listActive(UUID userId, Instant now) {
		return jdbc
			.sql("SELECT id, user_id, created_at, last_used_at, expires_at, ip, user_agent FROM sessions "
					+ "WHERE user_id = ? AND " + ACTIVE + " ORDER BY last_used_at DESC, id")
			.params(userId.toString(), now.toEpochMilli())
			.query(SessionRepository::session)
			.list();
	}

	/**
	 * Deletes sessions (and, by cascade, their refresh tokens) that expired or were
	 * revoked before {@code cutoff}; a revoked session's tokens are refused either way,
	 * so nothing is lost but history.
	 */
	int deleteEndedBefore(Instant cutoff) {
		return jdbc.sql("DELETE FROM sessions WHERE expires_at < ? OR revoked_at < ?")
			.params(cutoff.toEpochMilli(), cutoff.toEpochMilli())
			.update();
	}

	private static Session session(ResultSet rs, int row) throws SQLException {
		return new Session(UUID.fromString(rs.getString("id")), UUID.fromString(rs.getString("user_id")),
				Instant.ofEpochMilli(rs.getLong("created_at")), Instant.ofEpochMilli(rs.getLong("last_used_at")),
				Instant.ofEpochMilli(rs.getLong("expires_at")), rs.getString("ip"), rs.getString("user_agent"));
	}

	record Session(UUID id, UUID userId, Instant createdAt, Instant lastUsedAt, Instant expiresAt, String ip,
			String userAgent) {
	}

	record RefreshToken(UUID sessionId, UUID userId, Instant rotatedAt, Instant revokedAt, Instant expiresAt) {

		boolean sessionLive(Instant now) {
			return revokedAt == null && expiresAt.isAfter(now);
		}

	}

}
