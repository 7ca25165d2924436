package dev.ferry.auth.mfa;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import dev.ferry.SqlDialect;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Settings an admin changed through the API; they win over the environment. */
@Repository
class SecuritySettingsRepository {

	private final JdbcClient jdbc;

	private final SqlDialect dialect;

	SecuritySettingsRepository(JdbcClient jdbc, SqlDialect dialect) {
		this.jdbc = jdbc;
		this.dialect = dialect;
	}

	Optional<String> find(String name) {
		return jdbc.sql("SELECT value FROM security_settings WHERE name = ?")
			.param(name)
			.query(String.class)
			.optional();
	}

	void save(String name, String value, UUID by, Instant now) {
		jdbc.sql(dialect.upsert(
				"INSERT INTO security_settings (name, value, updated_at, updated_by) VALUES (?, ?, ?, ?)",
				new String[] { "name" }, "value", "updated_at", "updated_by"))
			.params(name, value, now.toEpochMilli(), by.toString())
			.update();
	}

}
