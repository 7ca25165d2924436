package dev.ferry.auth.mfa;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.ferry.SqlDialect;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A user's TOTP authenticator and recovery codes. */
@Repository
class SecondFactorRepository {

	private final JdbcClient jdbc;

	private final SqlDialect dialect;

	SecondFactorRepository(JdbcClient jdbc, SqlDialect dialect) {
		this.jdbc = jdbc;
		this.dialect = dialect;
	}

	/**
	 * Starts (or restarts) an enrollment; a confirmed authenticator is never replaced.
	 */
	void savePending(UUID userId, byte[] sealedSecret, Instant now) {
		jdbc.sql("DELETE FROM totp_credentials WHERE user_id = ? AND confirmed_at IS NULL")
			.param(userId.toString())
			.update();
		jdbc.sql(dialect.insertIfAbsent(
				"INSERT INTO totp_credentials (user_id, sealed_secret, created_at, last_step) VALUES (?, ?, ?, -1)",
				"user_id"))
			.params(userId.toString(), sealedSecret, now.toEpochMilli())
			.update();
	}

	Optional<TotpCredential> findTotp(UUID userId) {
		return jdbc.sql("SELECT sealed_secret, confirmed_at, last_step FROM totp_credentials WHERE user_id = ?")
			.param(userId.toString())
			.query((rs, i) -> {
				long confirmed = rs.getLong("confirmed_at");
				Instant confirmedAt = rs.wasNull() ? null : Instant.ofEpochMilli(confirmed);
				return new TotpCredential(rs.getBytes("sealed_secret"), confirmedAt, rs.getLong("last_step"));
			})
			.optional();
	}

	/**
	 * Records that the code of {@code step} was used. The condition makes this safe
	 * across nodes: of two requests with the same code, only one gets true.
	 */
	boolean useStep(UUID userId, long step) {
		return jdbc.sql("UPDATE totp_credentials SET last_step = ? WHERE user_id = ? AND last_step < ?")
			.params(step, userId.toString(), step)
			.update() == 1;
	}

	void confirm(UUID userId, Instant now) {
		jdbc.sql("UPDATE totp_credentials SET confirmed_at = ? WHERE user_id = ?")
			.params(now.toEpochMilli(), userId.toString())
			.update();
	}

	/** Removes the authenticator and every recovery code. */
	boolean deleteAll(UUID userId) {
		jdbc.sql("DELETE FROM recovery_codes WHERE user_id = ?").param(userId.toString()).update();
		return jdbc.sql("DELETE FROM totp_credentials WHERE user_id = ?").param(userId.toString()).update() == 1;
	}

	void replaceRecoveryCodes(UUID userId, List<String> codeHashes, Instant now) {
		jdbc.sql("DELETE FROM recovery_codes WHERE user_id = ?").param(userId.toString()).update();
		for (String hash : codeHashes) {
			jdbc.sql("INSERT INTO recovery_codes (user_id, code_hash, created_at) VALUES (?, ?, ?)")
				.params(userId.toString(), hash, now.toEpochMilli())
				.update();
		}
	}

	/** Uses a recovery code up; false when it is unknown or already used. */
	boolean useRecoveryCode(UUID userId, String codeHash, Instant now) {
		return jdbc.sql("UPDATE recovery_codes SET used_at = ? WHERE user_id = ? AND code_hash = ? AND used_at IS NULL")
			.params(now.toEpochMilli(), userId.toString(), codeHash)
			.update() == 1;
	}

	int unusedRecoveryCodes(UUID userId) {
		return jdbc.sql("SELECT COUNT(*) FROM recovery_codes WHERE user_id = ? AND used_at IS NULL")
			.param(userId.toString())
			.query(Integer.class)
			.single();
	}

	record TotpCredential(byte[] sealedSecret, Instant confirmedAt, long lastStep) {

		boolean confirmed() {
			return confirmedAt != null;
		}

	}

}
