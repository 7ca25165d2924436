package dev.ferry.auth.passkey;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.ferry.auth.session.ExpiringRecords;

/** Passkeys and the WebAuthn challenges in flight. */
@Repository
class PasskeyRepository implements ExpiringRecords {

	private static final String COLUMNS = "id, user_id, credential_id, attested_credential, sign_count, name, "
			+ "created_at, last_used_at";

	private final JdbcClient jdbc;

	PasskeyRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Passkey passkey) {
		jdbc.sql("INSERT INTO passkeys (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, NULL)")
			.params(passkey.id().toString(), passkey.userId().toString(), passkey.credentialId(),
					passkey.attestedCredential(), passkey.signCount(), passkey.name(),
					passkey.createdAt().toEpochMilli())
			.update();
	}

	Optional<Passkey> findByCredentialId(String credentialId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM passkeys WHERE credential_id = ?")
			.param(credentialId)
			.query(PasskeyRepository::passkey)
			.optional();
	}

	List<Passkey> listForUser(UUID userId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM passkeys WHERE user_id = ? ORDER BY created_at, id")
			.param(userId.toString())
			.query(PasskeyRepository::passkey)
			.list();
	}

	/**
	 * Locks the account's passkeys for the rest of the transaction (a write that changes
	 * nothing), so two deletions of its last two passkeys cannot both count two.
	 */
	void lockOwn(UUID userId) {
		jdbc.sql("UPDATE passkeys SET sign_count = sign_count WHERE user_id = ?").param(userId.toString()).update();
	}

	int count(UUID userId) {
		return jdbc.sql("SELECT COUNT(*) FROM passkeys WHERE user_id = ?")
			.param(userId.toString())
			.query(Integer.class)
			.single();
	}

	void used(UUID id, long signCount, Instant now) {
		jdbc.sql("UPDATE passkeys SET sign_count = ?, last_used_at = ? WHERE id = ?")
			.params(signCount, now.toEpochMilli(), id.toString())
			.update();
	}

	boolean delete(UUID userId, UUID id) {
		return jdbc.sql("DELETE FROM passkeys WHERE id = ? AND user_id = ?")
			.params(id.toString(), userId.toString())
			.update() == 1;
	}

	int deleteAll(UUID userId) {
		return jdbc.sql("DELETE FROM passkeys WHERE user_id = ?").param(userId.toString()).update();
	}

	void addChallenge(String challenge, String purpose, UUID userId, Instant now, Instant expiresAt) {
		jdbc.sql("""
				INSERT INTO webauthn_challenges (challenge, purpose, user_id, created_at, expires_at)
				VALUES (?, ?, ?, ?, ?)""")
			.params(challenge, purpose, (userId != null) ? userId.toString() : null, now.toEpochMilli(),
					expiresAt.toEpochMilli())
			.update();
	}

	/**
	 * Uses a challenge up: answers its user (empty user id for password-less sign-in)
	 * when it exists for {@code purpose} and has not expired; a challenge works once.
	 */
	Optional<Optional<UUID>> takeChallenge(String challenge, String purpose, Instant now) {
		Optional<Optional<UUID>> found = jdbc
			.sql("SELECT user_id FROM webauthn_challenges WHERE challenge = ? AND purpose = ? AND expires_at > ?")
			.params(challenge, purpose, now.toEpochMilli())
			.query((rs, i) -> Optional.ofNullable(rs.getString(1)).map(UUID::fromString))
			.optional();
		boolean taken = jdbc.sql("DELETE FROM webauthn_challenges WHERE challenge = ?").param(challenge).update() == 1;
		return taken ? found : Optional.empty();
	}

	@Override
	public int deleteExpiredBefore(Instant cutoff) {
		return jdbc.sql("DELETE FROM webauthn_challenges WHERE expires_at < ?").param(cutoff.toEpochMilli()).update();
	}

	private static Passkey passkey(ResultSet rs, int row) throws SQLException {
		long lastUsed = rs.getLong("last_used_at");
		Instant lastUsedAt = rs.wasNull() ? null : Instant.ofEpochMilli(lastUsed);
		return new Passkey(UUID.fromString(rs.getString("id")), UUID.fromString(rs.getString("user_id")),
				rs.getString("credential_id"), rs.getBytes("attested_credential"), rs.getLong("sign_count"),
				rs.getString("name"), Instant.ofEpochMilli(rs.getLong("created_at")), lastUsedAt);
	}

	/**
	 * A registered passkey; {@code credentialId} is base64url as WebAuthn JSON carries
	 * it.
	 */
	record Passkey(UUID id, UUID userId, String credentialId, byte[] attestedCredential, long signCount, String name,
			Instant createdAt, Instant lastUsedAt) {
	}

}
