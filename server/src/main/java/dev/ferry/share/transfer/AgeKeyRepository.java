package dev.ferry.share.transfer;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code age_keys} table: one age key per user, the identity stored only wrapped. */
@Repository
class AgeKeyRepository {

	private final JdbcClient jdbc;

	AgeKeyRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void save(UUID userId, AgeKeys.AgeKey key) {
		jdbc.sql("DELETE FROM age_keys WHERE user_id = ?").param(userId.toString()).update();
		jdbc.sql("INSERT INTO age_keys (user_id, recipient, user_wrapped_identity, created_at) VALUES (?, ?, ?, ?)")
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
