package dev.ferry.share.link;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import dev.ferry.share.ShareProperties;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Repository;

/**
 * Six-digit codes that prove a visitor reads an address ({@code email_codes}). Only an
 * Argon2 hash is stored, because a plain SHA-256 of a million possible codes would be no
 * secret; each code allows {@code codeAttempts} guesses and lives {@code codeTtl}.
 */
@Repository
class EmailCodes {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final PasswordEncoder encoder;

	private final ShareProperties properties;

	private final Clock clock;

	EmailCodes(JdbcClient jdbc, PasswordEncoder encoder, ShareProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.encoder = encoder;
		this.properties = properties;
		this.clock = clock;
	}

	/** A new code for the address, replacing any earlier one. */
	public String issue(String subjectType, UUID subjectId, String email) {
		String code = String.format("%06d", RANDOM.nextInt(1_000_000));
		Instant now = clock.instant();
		jdbc.sql("DELETE FROM email_codes WHERE subject_type = ? AND subject_id = ? AND email = ?")
			.params(subjectType, subjectId.toString(), email)
			.update();
		jdbc.sql("INSERT INTO email_codes (id, subject_type, subject_id, email, code_hash, attempts, created_at, "
				+ "expires_at) VALUES (?, ?, ?, ?, ?, 0, ?, ?)")
			.params(UUID.randomUUID().toString(), subjectType, subjectId.toString(), email, encoder.encode(code),
					now.toEpochMilli(), now.plus(properties.codeTtl()).toEpochMilli())
			.update();
		return code;
	}

	/**
	 * True once for the right code within its lifetime; a wrong guess uses an attempt,
	 * and the last allowed one deletes the code.
	 */
	public boolean confirm(String subjectType, UUID subjectId, String email, String code) {
		Stored stored = jdbc
			.sql("SELECT id, code_hash, attempts, expires_at FROM email_codes "
					+ "WHERE subject_type = ? AND subject_id = ? AND email = ?")
			.params(subjectType, subjectId.toString(), email)
			.query((rs, row) -> new Stored(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getLong(4)))
			.optional()
			.orElse(null);
		if (stored == null || clock.millis() >= stored.expiresAt()) {
			return false;
		}
		boolean matches = code != null && code.matches("\\d{6}") && encoder.matches(code, stored.hash());
		if (matches || stored.attempts() + 1 >= properties.codeAttempts()) {
			jdbc.sql("DELETE FROM email_codes WHERE id = ?").param(stored.id()).update();
		}
		else {
			jdbc.sql("UPDATE email_codes SET attempts = attempts + 1 WHERE id = ?").param(stored.id()).update();
		}
		return matches;
	}

	int deleteExpired(Instant now) {
		return jdbc.sql("DELETE FROM email_codes WHERE expires_at <= ?").param(now.toEpochMilli()).update();
	}

	private record Stored(String id, String hash, int attempts, long expiresAt) {
	}

}
