package dev.ferry.auth.session;

import java.time.Instant;
import java.util.UUID;

import dev.ferry.SqlDialect;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The devices each account signed in from, by hash of the device identity. */
@Repository
class KnownDeviceRepository {

	private final JdbcClient jdbc;

	private final SqlDialect dialect;

	KnownDeviceRepository(JdbcClient jdbc, SqlDialect dialect) {
		this.jdbc = jdbc;
		this.dialect = dialect;
	}

	/** Records a sign-in; answers true when this device was not known for the user. */
	boolean seen(UUID userId, String deviceHash, String userAgent, Instant now) {
		int updated = jdbc.sql("UPDATE known_devices SET last_seen_at = ? WHERE user_id = ? AND device_hash = ?")
			.params(now.toEpochMilli(), userId.toString(), deviceHash)
			.update();
		if (updated > 0) {
			return false;
		}
		// A concurrent first sign-in from the same device inserts nothing here.
		return jdbc
			.sql(dialect.insertIfAbsent(
					"INSERT INTO known_devices "
							+ "(user_id, device_hash, first_seen_at, last_seen_at, user_agent) VALUES (?, ?, ?, ?, ?)",
					"user_id", "device_hash"))
			.params(userId.toString(), deviceHash, now.toEpochMilli(), now.toEpochMilli(), userAgent)
			.update() == 1;
	}

	/** Whether the user signed in from this device before. */
	boolean known(UUID userId, String deviceHash) {
		return jdbc.sql("SELECT COUNT(*) FROM known_devices WHERE user_id = ? AND device_hash = ?")
			.params(userId.toString(), deviceHash)
			.query(Integer.class)
			.single() > 0;
	}

	int count(UUID userId) {
		return jdbc.sql("SELECT COUNT(*) FROM known_devices WHERE user_id = ?")
			.param(userId.toString())
			.query(Integer.class)
			.single();
	}

}
