package dev.ferry.protect;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code alerts} table. */
@Repository
class AlertRepository {

	private static final String COLUMNS = "id, kind, subject, detail, created_at, acknowledged_at, acknowledged_by";

	private final JdbcClient jdbc;

	AlertRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Alert alert) {
		jdbc.sql("INSERT INTO alerts (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, NULL, NULL)")
			.params(alert.id().toString(), alert.kind(), alert.subject(), alert.detail(),
					alert.createdAt().toEpochMilli())
			.update();
	}

	/** The newest {@code limit} alerts, only unacknowledged ones when {@code open}. */
	List<Alert> latest(boolean open, int limit) {
		return jdbc
			.sql("SELECT " + COLUMNS + " FROM alerts" + (open ? " WHERE acknowledged_at IS NULL" : "")
					+ " ORDER BY created_at DESC, id LIMIT ?")
			.param(limit)
			.query(AlertRepository::map)
			.list();
	}

	Optional<Alert> find(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM alerts WHERE id = ?")
			.param(id.toString())
			.query(AlertRepository::map)
			.optional();
	}

	void acknowledge(UUID id, UUID by, Instant at) {
		jdbc.sql("UPDATE alerts SET acknowledged_at = ?, acknowledged_by = ? WHERE id = ? AND acknowledged_at IS NULL")
			.params(at.toEpochMilli(), by.toString(), id.toString())
			.update();
	}

	/**
	 * Alerts that may name the account (its id or email in subject or text); the caller
	 * tells which really do.
	 */
	List<Alert> naming(String userId, String email) {
		return jdbc
			.sql("SELECT " + COLUMNS + " FROM alerts WHERE subject LIKE ? OR detail LIKE ? OR detail LIKE ?"
					+ " OR subject LIKE ?")
			.params("%" + userId + "%", "%" + userId + "%", "%" + email + "%", "%" + email + "%")
			.query(AlertRepository::map)
			.list();
	}

	void rewrite(UUID id, String subject, String detail) {
		jdbc.sql("UPDATE alerts SET subject = ?, detail = ? WHERE id = ?")
			.params(subject, detail, id.toString())
			.update();
	}

	void forgetAcknowledger(UUID userId) {
		jdbc.sql("UPDATE alerts SET acknowledged_by = NULL WHERE acknowledged_by = ?")
			.param(userId.toString())
			.update();
	}

	private static Alert map(ResultSet rs, int row) throws SQLException {
		long acknowledged = rs.getLong(6);
		Instant acknowledgedAt = rs.wasNull() ? null : Instant.ofEpochMilli(acknowledged);
		String by = rs.getString(7);
		return new Alert(UUID.fromString(rs.getString(1)), rs.getString(2), rs.getString(3), rs.getString(4),
				Instant.ofEpochMilli(rs.getLong(5)), acknowledgedAt, (by != null) ? UUID.fromString(by) : null);
	}

}
