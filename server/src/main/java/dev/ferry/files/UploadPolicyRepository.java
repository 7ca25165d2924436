package dev.ferry.files;

import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code upload_policy} table: one row with the rules as JSON. */
@Repository
class UploadPolicyRepository {

	private final JdbcClient jdbc;

	UploadPolicyRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<String> rules() {
		return jdbc.sql("SELECT rules FROM upload_policy WHERE id = 1").query(String.class).optional();
	}

	void replace(String rules, Instant now) {
		int updated = jdbc.sql("UPDATE upload_policy SET rules = ?, updated_at = ? WHERE id = 1")
			.params(rules, now.toEpochMilli())
			.update();
		if (updated == 0) {
			jdbc.sql("INSERT INTO upload_policy (id, rules, updated_at) VALUES (1, ?, ?)")
				.params(rules, now.toEpochMilli())
				.update();
		}
	}

}
