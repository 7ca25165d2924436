package dev.ferry.pii;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import dev.ferry.SqlDialect;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code pii_scans} queue. A node takes a job by moving its {@code due_at} forward
 * with a conditional update, so two nodes never scan the same file at once.
 */
@Repository
class PiiRepository {

	private final JdbcClient jdbc;

	private final SqlDialect dialect;

	PiiRepository(JdbcClient jdbc, SqlDialect dialect) {
		this.jdbc = jdbc;
		this.dialect = dialect;
	}

	/** Queues the file, again if it was scanned before (its content changed). */
	void enqueue(UUID fileId, UUID ownerId, Instant now) {
		jdbc.sql(dialect.upsert(
				"INSERT INTO pii_scans (file_id, owner_id, status, reason, attempts, due_at, created_at) "
						+ "VALUES (?, ?, 'pending', NULL, 0, ?, ?)",
				new String[] { "file_id" }, "status", "reason", "attempts", "due_at"))
			.params(fileId.toString(), ownerId.toString(), now.toEpochMilli(), now.toEpochMilli())
			.update();
	}

	List<Job> due(Instant now, int max) {
		return jdbc
			.sql("SELECT file_id, owner_id, attempts, due_at FROM pii_scans WHERE status = 'pending' AND due_at <= ? "
					+ "ORDER BY due_at LIMIT ?")
			.params(now.toEpochMilli(), max)
			.query((rs, row) -> new Job(UUID.fromString(rs.getString("file_id")),
					UUID.fromString(rs.getString("owner_id")), rs.getInt("attempts"),
					Instant.ofEpochMilli(rs.getLong("due_at"))))
			.list();
	}

	/** Takes the job until {@code until}, if no other node took it since it was read. */
	boolean claim(Job job, Instant until) {
		return jdbc.sql("UPDATE pii_scans SET due_at = ? WHERE file_id = ? AND status = 'pending' AND due_at = ?")
			.params(until.toEpochMilli(), job.fileId().toString(), job.dueAt().toEpochMilli())
			.update() == 1;
	}

	/**
	 * Settles the scan, if the job is still the one claimed until {@code claimedUntil}:
	 * new content queues the row again (a new due time), and a scan of the old content
	 * finishing after it must not pass for the new one. False then.
	 */
	boolean settle(UUID fileId, Instant claimedUntil, String status, String reason) {
		return jdbc
			.sql("UPDATE pii_scans SET status = ?, reason = ? WHERE file_id = ? AND status = 'pending' AND due_at = ?")
			.params(status, reason, fileId.toString(), claimedUntil.toEpochMilli())
			.update() == 1;
	}

	void retryAt(UUID fileId, Instant claimedUntil, int attempts, Instant at) {
		jdbc.sql(
				"UPDATE pii_scans SET attempts = ?, due_at = ? WHERE file_id = ? AND status = 'pending' AND due_at = ?")
			.params(attempts, at.toEpochMilli(), fileId.toString(), claimedUntil.toEpochMilli())
			.update();
	}

	void delete(UUID fileId) {
		jdbc.sql("DELETE FROM pii_scans WHERE file_id = ?").param(fileId.toString()).update();
	}

	/** Which of {@code fileIds} still wait for a scan. */
	List<UUID> pending(Collection<UUID> fileIds) {
		return fileIds.stream()
			.filter((id) -> jdbc.sql("SELECT COUNT(*) FROM pii_scans WHERE file_id = ? AND status = 'pending'")
				.param(id.toString())
				.query(Integer.class)
				.single() > 0)
			.toList();
	}

	record Job(UUID fileId, UUID ownerId, int attempts, Instant dueAt) {
	}

}
