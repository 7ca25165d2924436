package dev.ferry.auth.mfa;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Settings an admin changed through the API; they win over the environment. */
@Repository
class SecuritySettingsRepository {

	private final JdbcClient jdbc;

	SecuritySettingsRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<String> find(String name) {
		return jdbc.sql("SELECT value FROM security_settings WHERE name = ?")
			.param(name)
			.query(String.class)
			.optional();
	}

	void save(String name, String value, UUID by, Instant now) {
		jdbc.sql("""
				INSERT INTO security_settings (name, value, updated_at, updated_by) VALUES (?, ?, ?, ?)
				ON CONFLICT (name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at,
				  updated_by = excluded.updated_by""").params(name, value, now.toEpochMilli(), by.toString()).update();
	}

}
