package dev.ferry.auth.password;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Hashes of the passwords each account had, newest first, kept only as long as needed.
 */
@Repository
class PasswordHistoryRepository {

	private final JdbcClient jdbc;

	private final Clock clock;

	PasswordHistoryRepository(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Adds a hash and forgets all but the newest {@code keep}. Times only grow per user,
	 * so "newest" stays well defined when two changes fall in the same millisecond.
	 */
	void add(UUID userId, String passwordHash, int keep) {
		long latest = jdbc.sql("SELECT COALESCE(MAX(created_at), 0) FROM password_history WHERE user_id = ?")
			.param(userId.toString())
			.query(Long.class)
			.single();
		long now = Math.max(clock.millis(), latest + 1);
		jdbc.sql("INSERT INTO password_history (id, user_id, password_hash, created_at) VALUES (?, ?, ?, ?)")
			.params(UUID.randomUUID().toString(), userId.toString(), passwordHash, now)
			.update();
		List<String> stale = jdbc
			.sql("SELECT id FROM password_history WHERE user_id = ? ORDER BY created_at DESC LIMIT 1000 OFFSET ?")
			.params(userId.toString(), Math.max(keep, 1))
			.query(String.class)
			.list();
		stale.forEach((id) -> jdbc.sql("DELETE FROM password_history WHERE id = ?").param(id).update());
	}

	List<String> recent(UUID userId, int count) {
		return jdbc.sql("SELECT password_hash FROM password_history WHERE user_id = ? ORDER BY created_at DESC LIMIT ?")
			.params(userId.toString(), Math.max(count, 1))
			.query(String.class)
			.list();
	}

}
