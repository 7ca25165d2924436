package dev.ferry.auth.session;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.ferry.auth.Scope;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class SessionRepository {

	/**
	 * Neither revoked, past its expiry nor idle for longer than its idle timeout; takes
	 * the current time twice.
	 */
	private static final String ACTIVE = "revoked_at IS NULL AND expires_at > ? "
			+ "AND (idle_timeout_ms IS NULL OR last_used_at + idle_timeout_ms > ?)";

	private static final String COLUMNS = "id, user_id, created_at, last_used_at, expires_at, ip, user_agent, "
			+ "idle_timeout_ms, restriction, revoked_at, scopes";

	private final JdbcClient jdbc;

	SessionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void create(Session session, String deviceHash) {
		jdbc.sql("""
				INSERT INTO sessions (id, user_id, created_at, last_used_at, expires_at, ip, user_agent,
				  idle_timeout_ms, device_hash, restriction, scopes)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(session.id().toString(), session.userId().toString(), session.createdAt().toEpochMilli(),
					session.lastUsedAt().toEpochMilli(), session.expiresAt().toEpochMilli(), session.ip(),
					session.userAgent(), (session.idleTimeout() != null) ? session.idleTimeout().toMillis() : null,
					deviceHash, (session.restriction() != null) ? session.restriction().dbName() : null,
					(session.scopes() != null) ? String.join(" ", Scope.apiNames(session.scopes())) : null)
			.update();
	}

	void addRefreshToken(String tokenHash, UUID sessionId, Instant now) {
		jdbc.sql("INSERT INTO refresh_tokens (token_hash, session_id, created_at) VALUES (?, ?, ?)")
			.params(tokenHash, sessionId.toString(), now.toEpochMilli())
			.update();
	}

	/** A session that is neither revoked, expired nor idle. */
	Optional<Session> findActive(UUID sessionId, Instant now) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM sessions WHERE id = ? AND " + ACTIVE)
			.params(sessionId.toString(), now.toEpochMilli(), now.toEpochMilli())
			.query(SessionRepository::session)
			.optional();
	}

	Optional<RefreshToken> findRefreshToken(String tokenHash) {
		return jdbc.sql("SELECT t.rotated_at, " + prefixed("s.") + """
				 FROM refresh_tokens t JOIN sessions s ON s.id = t.session_id
				WHERE t.token_hash = ?""").param(tokenHash).query((rs, i) -> {
			long rotated = rs.getLong("rotated_at");
			boolean neverRotated = rs.wasNull();
			return new RefreshToken(session(rs, i), neverRotated ? null : Instant.ofEpochMilli(rotated));
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

	/** Records activity without moving the expiry (bearer requests between refreshes). */
	void markUsed(UUID sessionId, Instant now) {
		jdbc.sql("UPDATE sessions SET last_used_at = ? WHERE id = ? AND last_used_at < ?")
			.params(now.toEpochMilli(), sessionId.toString(), now.toEpochMilli())
			.update();
	}

	/**
	 * Lifts {@code restriction} from session {@code keep} and ends the user's other
	 * sessions that carry it; answers how many ended.
	 */
	int liftOnly(UUID userId, UUID keep, SessionRestriction restriction, Instant now, String reason) {
		jdbc.sql("UPDATE sessions SET restriction = NULL WHERE id = ? AND user_id = ? AND restriction = ?")
			.params((keep != null) ? keep.toString() : "", userId.toString(), restriction.dbName())
			.update();
		return jdbc
			.sql("UPDATE sessions SET revoked_at = ?, revoke_reason = ? WHERE user_id = ? AND restriction = ? AND "
					+ "revoked_at IS NULL")
			.params(now.toEpochMilli(), reason, userId.toString(), restriction.dbName())
			.update();
	}

	/** Lifts {@code restriction} from the user's sessions that carry it. */
	void lift(UUID userId, SessionRestriction restriction, SessionRestriction next) {
		jdbc.sql("UPDATE sessions SET restriction = ? WHERE user_id = ? AND restriction = ?")
			.params((next != null) ? next.dbName() : null, userId.toString(), restriction.dbName())
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
			.params(now.toEpochMilli(), reason, sessionId.toString(), userId.toString(), now.toEpochMilli(),
					now.toEpochMilli())
			.update() == 1;
	}

	/**
	 * Revokes every live session of the user except {@code keep} (which may be null), and
	 * every sign-in waiting for its second factor: its first was checked before.
	 */
	int revokeAll(UUID userId, UUID keep, Instant now, String reason) {
		jdbc.sql("DELETE FROM mfa_challenges WHERE user_id = ?").param(userId.toString()).update();
		return jdbc
			.sql("UPDATE sessions SET revoked_at = ?, revoke_reason = ? WHERE user_id = ? AND id <> ? AND "
					+ "revoked_at IS NULL AND expires_at > ?")
			.params(now.toEpochMilli(), reason, userId.toString(), (keep != null) ? keep.toString() : "",
					now.toEpochMilli())
			.update();
	}

	/**
	 * Whether sessions of the user were ended for one of {@code reasons} after
	 * {@code since}.
	 */
	boolean endedSince(UUID userId, Instant since, List<String> reasons) {
		List<Object> params = new ArrayList<>(List.of(userId.toString(), since.toEpochMilli()));
		params.addAll(reasons);
		return jdbc
			.sql("SELECT COUNT(*) FROM sessions WHERE user_id = ? AND revoked_at > ? AND revoke_reason IN ("
					+ String.join(", ", Collections.nCopies(reasons.size(), "?")) + ")")
			.params(params)
			.query(Long.class)
			.single() > 0;
	}

	List<Session> listActive(UUID userId, Instant now) {
		return jdbc
			.sql("SELECT " + COLUMNS + " FROM sessions WHERE user_id = ? AND " + ACTIVE
					+ " ORDER BY last_used_at DESC, id")
			.params(userId.toString(), now.toEpochMilli(), now.toEpochMilli())
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

	private static String prefixed(String alias) {
		return alias + COLUMNS.replace(", ", ", " + alias);
	}

	private static Session session(ResultSet rs, int row) throws SQLException {
		long idle = rs.getLong("idle_timeout_ms");
		Duration idleTimeout = rs.wasNull() ? null : Duration.ofMillis(idle);
		long revoked = rs.getLong("revoked_at");
		Instant revokedAt = rs.wasNull() ? null : Instant.ofEpochMilli(revoked);
		return new Session(UUID.fromString(rs.getString("id")), UUID.fromString(rs.getString("user_id")),
				Instant.ofEpochMilli(rs.getLong("created_at")), Instant.ofEpochMilli(rs.getLong("last_used_at")),
				Instant.ofEpochMilli(rs.getLong("expires_at")), rs.getString("ip"), rs.getString("user_agent"),
				idleTimeout, SessionRestriction.of(rs.getString("restriction")), revokedAt,
				scopes(rs.getString("scopes")));
	}

	private static Set<Scope> scopes(String names) {
		return (names != null) ? Scope.of(List.of(names.split(" "))) : null;
	}

	/**
	 * One sign-in. {@code idleTimeout} is set for browser sessions; {@code restriction}
	 * limits what its tokens may do; {@code scopes}, when set, narrows the role's scopes
	 * (device sign-ins).
	 */
	record Session(UUID id, UUID userId, Instant createdAt, Instant lastUsedAt, Instant expiresAt, String ip,
			String userAgent, Duration idleTimeout, SessionRestriction restriction, Instant revokedAt,
			Set<Scope> scopes) {

		/** What a caller of this session may do, given the owner's current role. */
		Set<Scope> allowed(Set<Scope> roleScopes) {
			if (restriction != null) {
				return Set.of();
			}
			if (scopes == null) {
				return roleScopes;
			}
			Set<Scope> both = EnumSet.noneOf(Scope.class);
			both.addAll(roleScopes);
			both.retainAll(scopes);
			return both;
		}

		/**
		 * When it ends without further use: idle timeout or expiry, whichever comes
		 * first.
		 */
		Instant endsAt() {
			Instant idleEnd = (idleTimeout != null) ? lastUsedAt.plus(idleTimeout) : null;
			return (idleEnd != null && idleEnd.isBefore(expiresAt)) ? idleEnd : expiresAt;
		}

		Instant idleExpiresAt() {
			return (idleTimeout != null) ? lastUsedAt.plus(idleTimeout) : null;
		}

		boolean live(Instant now) {
			return revokedAt == null && endsAt().isAfter(now);
		}

	}

	record RefreshToken(Session session, Instant rotatedAt) {

		UUID sessionId() {
			return session.id();
		}

		UUID userId() {
			return session.userId();
		}

	}

}
