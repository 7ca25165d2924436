package dev.ferry.files;

import java.time.Instant;
import java.util.UUID;

import dev.ferry.SqlDialect;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code quota_reservations} and {@code quota_locks} tables: bytes plain uploads hold
 * while they stream, and the per-owner row that serialises reserving them.
 */
@Repository
class QuotaReservations {

	private final JdbcClient jdbc;

	private final SqlDialect dialect;

	QuotaReservations(JdbcClient jdbc, SqlDialect dialect) {
		this.jdbc = jdbc;
		this.dialect = dialect;
	}

	/**
	 * Takes the owner's lock row until the transaction ends. On PostgreSQL and MariaDB
	 * the upsert holds an exclusive row lock whether it inserted or found the row, so a
	 * second reservation of the same owner waits and then reads what the first committed.
	 * One statement, not insert-then-update: on MariaDB two transactions that both took
	 * the shared lock of a duplicate insert would deadlock upgrading it.
	 */
	void lock(UUID ownerId) {
		jdbc.sql(dialect.upsert("INSERT INTO quota_locks (owner_id) VALUES (?)", new String[] { "owner_id" },
				"owner_id"))
			.param(ownerId.toString())
			.update();
	}

	/** Bytes the owner's live reservations hold, leaving out {@code exceptId}. */
	long held(UUID ownerId, UUID exceptId, Instant now) {
		return jdbc
			.sql("SELECT COALESCE(SUM(bytes), 0) FROM quota_reservations WHERE owner_id = ? AND id <> ? "
					+ "AND expires_at > ?")
			.params(ownerId.toString(), (exceptId != null) ? exceptId.toString() : "", now.toEpochMilli())
			.query(Long.class)
			.single();
	}

	void put(UUID id, UUID ownerId, long bytes, Instant expiresAt) {
		jdbc.sql(dialect.upsert("INSERT INTO quota_reservations (id, owner_id, bytes, expires_at) VALUES (?, ?, ?, ?)",
				new String[] { "id" }, "bytes", "expires_at"))
			.params(id.toString(), ownerId.toString(), bytes, expiresAt.toEpochMilli())
			.update();
	}

	void extend(UUID id, Instant expiresAt) {
		jdbc.sql("UPDATE quota_reservations SET expires_at = ? WHERE id = ?")
			.params(expiresAt.toEpochMilli(), id.toString())
			.update();
	}

	void release(UUID id) {
		jdbc.sql("DELETE FROM quota_reservations WHERE id = ?").param(id.toString()).update();
	}

	/** Forgets reservations of uploads that died without releasing them. */
	void purgeExpired(UUID ownerId, Instant now) {
		jdbc.sql("DELETE FROM quota_reservations WHERE owner_id = ? AND expires_at <= ?")
			.params(ownerId.toString(), now.toEpochMilli())
			.update();
	}

}
