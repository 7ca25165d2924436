package dev.ferry.sftp;

import dev.ferry.SqlDialect;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code ssh_keys} table. */
@Repository
class SshKeyRepository {

	private static final String COLUMNS = "id, user_id, name, public_key, fingerprint, created_at, last_used_at";

	private final JdbcClient jdbc;

	private final SqlDialect dialect;

	SshKeyRepository(JdbcClient jdbc, SqlDialect dialect) {
		this.jdbc = jdbc;
		this.dialect = dialect;
	}

	/** False when the account already has this key. */
	boolean insert(SshKey key) {
		return jdbc
			.sql(dialect.insertIfAbsent("INSERT INTO ssh_keys (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, NULL)",
					"user_id", "fingerprint"))
			.params(key.id().toString(), key.userId().toString(), key.name(), key.publicKey(), key.fingerprint(),
					key.createdAt().toEpochMilli())
			.update() == 1;
	}

	List<SshKey> forUser(UUID userId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM ssh_keys WHERE user_id = ? ORDER BY created_at, id")
			.param(userId.toString())
			.query(SshKeyRepository::map)
			.list();
	}

	Optional<SshKey> find(UUID userId, String fingerprint) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM ssh_keys WHERE user_id = ? AND fingerprint = ?")
			.params(userId.toString(), fingerprint)
			.query(SshKeyRepository::map)
			.optional();
	}

	boolean exists(UUID userId, UUID id) {
		return jdbc.sql("SELECT COUNT(*) FROM ssh_keys WHERE id = ? AND user_id = ?")
			.params(id.toString(), userId.toString())
			.query(Long.class)
			.single() > 0;
	}

	boolean delete(UUID userId, UUID id) {
		return jdbc.sql("DELETE FROM ssh_keys WHERE id = ? AND user_id = ?")
			.params(id.toString(), userId.toString())
			.update() == 1;
	}

	void used(UUID id, Instant at) {
		jdbc.sql("UPDATE ssh_keys SET last_used_at = ? WHERE id = ?").params(at.toEpochMilli(), id.toString()).update();
	}

	private static SshKey map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		long lastUsed = rs.getLong("last_used_at");
		Instant lastUsedAt = rs.wasNull() ? null : Instant.ofEpochMilli(lastUsed);
		return new SshKey(UUID.fromString(rs.getString("id")), UUID.fromString(rs.getString("user_id")),
				rs.getString("name"), rs.getString("public_key"), rs.getString("fingerprint"),
				Instant.ofEpochMilli(rs.getLong("created_at")), lastUsedAt);
	}

	record SshKey(UUID id, UUID userId, String name, String publicKey, String fingerprint, Instant createdAt,
			Instant lastUsedAt) {
	}

}
