package dev.ferry.share.transfer;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import dev.ferry.SqlDialect;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code age_keys} table: one age key per user, the identity stored only wrapped. */
@Repository
class AgeKeyRepository {

	private final JdbcClient jdbc;

	private final SqlDialect dialect;

	AgeKeyRepository(JdbcClient jdbc, SqlDialect dialect) {
		this.jdbc = jdbc;
		this.dialect = dialect;
	}

	/** One statement: two saves at once (two tabs) must not collide on the key. */
	void save(UUID userId, AgeKeys.AgeKey key) {
		jdbc.sql(dialect.upsert(
				"INSERT INTO age_keys (user_id, recipient, user_wrapped_identity, created_at) VALUES (?, ?, ?, ?)",
				new String[] { "user_id" }, "recipient", "user_wrapped_identity", "created_at"))
			.params(userId.toString(), key.recipient(), key.wrappedIdentity(), key.createdAt().toEpochMilli())
			.update();
	}

	Optional<AgeKeys.AgeKey> find(UUID userId) {
		return jdbc.sql("SELECT recipient, user_wrapped_identity, created_at FROM age_keys WHERE user_id = ?")
			.param(userId.toString())
			.query((rs, row) -> new AgeKeys.AgeKey(rs.getString(1), rs.getString(2),
					Instant.ofEpochMilli(rs.getLong(3))))
			.optional();
	}

}
