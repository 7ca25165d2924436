package dev.ferry.webhook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code webhook_deliveries} table: the log, each delivery's status and attempts. Its
 * {@code next_attempt_at} and {@code claimed_until} are no longer read: each delivery's
 * retries live in its {@code webhook-deliveries} job.
 */
@Repository
class DeliveryRepository {

	static final String PENDING = "pending";

	static final String DELIVERED = "delivered";

	static final String FAILED = "failed";

	private static final String COLUMNS = "id, webhook_id, event_type, payload, status, attempts, response_code, "
			+ "last_error, created_at, delivered_at, job_id";

	private final JdbcClient jdbc;

	DeliveryRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(UUID id, UUID webhookId, String type, String payload, Instant now) {
		jdbc.sql("INSERT INTO webhook_deliveries (id, webhook_id, event_type, payload, status, attempts, "
				+ "next_attempt_at, claimed_until, created_at) VALUES (?, ?, ?, ?, ?, 0, ?, 0, ?)")
			.params(id.toString(), webhookId.toString(), type, payload, PENDING, now.toEpochMilli(), now.toEpochMilli())
			.update();
	}

	/**
	 * Forgets the finished deliveries (delivered or failed) created before
	 * {@code cutoff}, payloads and all; a pending one stays until it ends. Returns how
	 * many went.
	 */
	int deleteFinishedBefore(Instant cutoff) {
		return jdbc.sql("DELETE FROM webhook_deliveries WHERE status <> ? AND created_at < ?")
			.params(PENDING, cutoff.toEpochMilli())
			.update();
	}

	/** The job ids of the deliveries still to be sent, oldest first. */
	List<String> pending() {
		return jdbc.sql("SELECT COALESCE(job_id, id) FROM webhook_deliveries WHERE status = ? ORDER BY created_at, id")
			.param(PENDING)
			.query(String.class)
			.list();
	}

	Optional<Delivery> find(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM webhook_deliveries WHERE id = ?")
			.param(id.toString())
			.query(DeliveryRepository::map)
			.optional();
	}

	List<Delivery> forWebhook(UUID webhookId, int limit) {
		return jdbc
			.sql("SELECT " + COLUMNS + " FROM webhook_deliveries WHERE webhook_id = ? "
					+ "ORDER BY created_at DESC, id LIMIT " + limit)
			.param(webhookId.toString())
			.query(DeliveryRepository::map)
			.list();
	}

	void delivered(UUID id, int code, Instant now) {
		jdbc.sql("UPDATE webhook_deliveries SET status = ?, attempts = attempts + 1, response_code = ?, "
				+ "last_error = NULL, delivered_at = ?, claimed_until = 0 WHERE id = ?")
			.params(DELIVERED, code, now.toEpochMilli(), id.toString())
			.update();
	}

	/** A failed attempt; the delivery stays pending until its job gives up. */
	void attemptFailed(UUID id, Integer code, String error) {
		jdbc.sql("UPDATE webhook_deliveries SET attempts = attempts + 1, response_code = ?, last_error = ? "
				+ "WHERE id = ? AND status = ?")
			.params(code, error, id.toString(), PENDING)
			.update();
	}

	/** The job gave up: the delivery is failed for good. */
	boolean gaveUp(UUID id) {
		return jdbc.sql("UPDATE webhook_deliveries SET status = ? WHERE id = ? AND status = ?")
			.params(FAILED, id.toString(), PENDING)
			.update() == 1;
	}

	/**
	 * Makes a finished delivery pending again (replay), owned by the job {@code jobId};
	 * false when it is pending already (another replay, or its job still retrying).
	 */
	boolean replay(UUID id, String jobId, Instant now) {
		return jdbc
			.sql("UPDATE webhook_deliveries SET status = ?, attempts = 0, next_attempt_at = ?, claimed_until = 0, "
					+ "job_id = ? WHERE id = ? AND status <> ?")
			.params(PENDING, now.toEpochMilli(), jobId, id.toString(), PENDING)
			.update() == 1;
	}

	private static Delivery map(ResultSet rs, int row) throws SQLException {
		int code = rs.getInt("response_code");
		Integer responseCode = rs.wasNull() ? null : code;
		long delivered = rs.getLong("delivered_at");
		Instant deliveredAt = rs.wasNull() ? null : Instant.ofEpochMilli(delivered);
		return new Delivery(UUID.fromString(rs.getString("id")), UUID.fromString(rs.getString("webhook_id")),
				rs.getString("event_type"), rs.getString("payload"), rs.getString("status"), rs.getInt("attempts"),
				responseCode, rs.getString("last_error"), Instant.ofEpochMilli(rs.getLong("created_at")), deliveredAt,
				rs.getString("job_id"));
	}

	/** {@code jobId}: the execution that sends it, null for the one named by its id. */
	record Delivery(UUID id, UUID webhookId, String eventType, String payload, String status, int attempts,
			Integer responseCode, String lastError, Instant createdAt, Instant deliveredAt, String jobId) {

		/** Whether the execution {@code job} is the one that sends this delivery. */
		boolean ownedBy(String job) {
			return job.equals((jobId != null) ? jobId : id.toString());
		}

	}

}
