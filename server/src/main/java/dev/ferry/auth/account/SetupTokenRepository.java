package dev.ferry.auth.account;

import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class SetupTokenRepository {

	private final JdbcClient jdbc;

	SetupTokenRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(String tokenHash, Instant now) {
		jdbc.sql("INSERT INTO setup_tokens (token_hash, created_at) VALUES (?, ?)")
			.params(tokenHash, now.toEpochMilli())
			.update();
	}

	boolean exists(String tokenHash) {
		return jdbc.sql("SELECT COUNT(*) FROM setup_tokens WHERE token_hash = ?")
			.param(tokenHash)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Takes the token for one setup: of two setups at once only one deletes its row (the
	 * other waits for its commit and finds none).
	 */
	boolean claim(String tokenHash) {
		return jdbc.sql("DELETE FROM setup_tokens WHERE token_hash = ?").param(tokenHash).update() == 1;
	}

	void deleteAll() {
		jdbc.sql("DELETE FROM setup_tokens").update();
	}

}
