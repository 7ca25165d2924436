package dev.ferry.auth.password;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.ferry.auth.session.ExpiringRecords;

/** One-time password-reset tokens, stored as hashes. */
@Repository
class PasswordResetRepository implements ExpiringRecords {

	private final JdbcClient jdbc;

	PasswordResetRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(String tokenHash, UUID userId, Instant now, Instant expiresAt) {
		jdbc.sql("INSERT INTO password_resets (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)")
			.params(tokenHash, userId.toString(), now.toEpochMilli(), expiresAt.toEpochMilli())
			.update();
	}

	/** The account a live (unused, unexpired) token resets. */
	Optional<UUID> findLive(String tokenHash, Instant now) {
		return jdbc
			.sql("SELECT user_id FROM password_resets WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?")
			.params(tokenHash, now.toEpochMilli())
			.query((rs, i) -> UUID.fromString(rs.getString(1)))
			.optional();
	}

	/** Uses the token up; false when a concurrent request already did. */
	boolean use(String tokenHash, Instant now) {
		return jdbc.sql("UPDATE password_resets SET used_at = ? WHERE token_hash = ? AND used_at IS NULL")
			.params(now.toEpochMilli(), tokenHash)
			.update() == 1;
	}

	/** A successful reset ends every other link the account had asked for. */
	void useAll(UUID userId, Instant now) {
		jdbc.sql("UPDATE password_resets SET used_at = ? WHERE user_id = ? AND used_at IS NULL")
			.params(now.toEpochMilli(), userId.toString())
			.update();
	}

	@Override
	public int deleteExpiredBefore(Instant cutoff) {
		return jdbc.sql("DELETE FROM password_resets WHERE expires_at < ?").param(cutoff.toEpochMilli()).update();
	}

}
