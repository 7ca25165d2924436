package dev.ferry.auth.session;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tickets between a correct password and the second factor, stored as hashes. */
@Repository
class MfaChallengeRepository {

	private final JdbcClient jdbc;

	MfaChallengeRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(String tokenHash, UUID userId, Instant now, Instant expiresAt, boolean useCookie) {
		jdbc.sql("""
				INSERT INTO mfa_challenges (token_hash, user_id, created_at, expires_at, failures, use_cookie)
				VALUES (?, ?, ?, ?, 0, ?)""")
			.params(tokenHash, userId.toString(), now.toEpochMilli(), expiresAt.toEpochMilli(), useCookie)
			.update();
	}

	/**
	 * The ticket if it is unused, unexpired and has seen fewer than {@code maxFailures}.
	 */
	Optional<Challenge> findLive(String tokenHash, Instant now, int maxFailures) {
		return jdbc.sql("""
				SELECT user_id, use_cookie FROM mfa_challenges
				WHERE token_hash = ? AND used_at IS NULL AND expires_at > ? AND failures < ?""")
			.params(tokenHash, now.toEpochMilli(), maxFailures)
			.query((rs, i) -> new Challenge(tokenHash, UUID.fromString(rs.getString(1)), rs.getBoolean(2)))
			.optional();
	}

	/** Counts a wrong code; answers the failures now recorded. */
	int fail(String tokenHash) {
		jdbc.sql("UPDATE mfa_challenges SET failures = failures + 1 WHERE token_hash = ?").param(tokenHash).update();
		return jdbc.sql("SELECT failures FROM mfa_challenges WHERE token_hash = ?")
			.param(tokenHash)
			.query(Integer.class)
			.single();
	}

	/** Uses the ticket up; false when a concurrent request already did. */
	boolean use(String tokenHash, Instant now) {
		return jdbc.sql("UPDATE mfa_challenges SET used_at = ? WHERE token_hash = ? AND used_at IS NULL")
			.params(now.toEpochMilli(), tokenHash)
			.update() == 1;
	}

	int deleteExpiredBefore(Instant cutoff) {
		return jdbc.sql("DELETE FROM mfa_challenges WHERE expires_at < ?").param(cutoff.toEpochMilli()).update();
	}

	record Challenge(String tokenHash, UUID userId, boolean useCookie) {
	}

}
