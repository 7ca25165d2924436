package dev.ferry.share.link;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;

import dev.ferry.SqlDialect;
import dev.ferry.share.ShareProperties;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Repository;
import org.springframework.util.function.SingletonSupplier;

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

	/** What a missing code is compared against. */
	private final Supplier<String> absentHash;

	private final SqlDialect dialect;

	EmailCodes(JdbcClient jdbc, SqlDialect dialect, PasswordEncoder encoder, ShareProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.dialect = dialect;
		this.encoder = encoder;
		this.absentHash = SingletonSupplier.of(() -> encoder.encode("000000"));
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * A new code for the address, replacing any earlier one. One statement: two requests
	 * at once each write their code, the later one stays (a delete and an insert could
	 * both delete, then collide on the insert). The row gets a new id too, so a guess
	 * that read the old code can neither spend the new code's attempts nor delete it.
	 */
	public String issue(String subjectType, UUID subjectId, String email) {
		String code = String.format("%06d", RANDOM.nextInt(1_000_000));
		String hash = encoder.encode(code);
		Instant now = clock.instant();
		jdbc.sql(dialect.upsert(
				"INSERT INTO email_codes (id, subject_type, subject_id, email, code_hash, attempts, created_at, "
						+ "expires_at) VALUES (?, ?, ?, ?, ?, 0, ?, ?)",
				new String[] { "subject_type", "subject_id", "email" }, "id", "code_hash", "attempts", "created_at",
				"expires_at"))
			.params(UUID.randomUUID().toString(), subjectType, subjectId.toString(), email, hash, now.toEpochMilli(),
					now.plus(properties.codeTtl()).toEpochMilli())
			.update();
		return code;
	}

	/**
	 * True once for the right code within its lifetime. Every guess takes one of the
	 * code's attempts before it is compared, so guesses sent at once cannot share one;
	 * the right code is taken by deleting it, so two requests with it cannot both pass.
	 */
	public boolean confirm(String subjectType, UUID subjectId, String email, String code) {
		Stored stored = jdbc
			.sql("SELECT id, code_hash, expires_at FROM email_codes "
					+ "WHERE subject_type = ? AND subject_id = ? AND email = ?")
			.params(subjectType, subjectId.toString(), email)
			.query((rs, row) -> new Stored(rs.getString(1), rs.getString(2), rs.getLong(3)))
			.optional()
			.orElse(null);
		if (stored == null || clock.millis() >= stored.expiresAt()) {
			return mismatch(code);
		}
		boolean attemptLeft = jdbc.sql("UPDATE email_codes SET attempts = attempts + 1 WHERE id = ? AND attempts < ?")
			.params(stored.id(), properties.codeAttempts())
			.update() == 1;
		if (!attemptLeft) {
			// Kept until it expires or a new code replaces it: deleting it here would let
			// a sixth request cancel a right one still being compared.
			return mismatch(code);
		}
		boolean matches = code != null && code.matches("\\d{6}") && encoder.matches(code, stored.hash());
		return matches && delete(stored.id());
	}

	/**
	 * False, after the time one comparison takes: without it an answer about an address
	 * with no code (not a recipient, or none requested) came back at once, and an answer
	 * about a recipient's code after an Argon2 hash, which told recipients apart.
	 */
	public boolean mismatch(String code) {
		encoder.matches((code != null) ? code : "", absentHash.get());
		return false;
	}

	private boolean delete(String id) {
		return jdbc.sql("DELETE FROM email_codes WHERE id = ?").param(id).update() == 1;
	}

	int deleteExpired(Instant now) {
		return jdbc.sql("DELETE FROM email_codes WHERE expires_at <= ?").param(now.toEpochMilli()).update();
	}

	private record Stored(String id, String hash, long expiresAt) {
	}

}
