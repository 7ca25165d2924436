package dev.ferry.files;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code file_jobs}: the progress of bulk operations, readable from any node. */
@Repository
class BulkJobRepository {

	private final JdbcClient jdbc;

	BulkJobRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The owner's jobs still running that made progress after {@code since}. */
	long running(UUID ownerId, Instant since) {
		return jdbc.sql("SELECT COUNT(*) FROM file_jobs WHERE owner_id = ? AND status = ? AND updated_at > ?")
			.params(ownerId.toString(), BulkJob.RUNNING, since.toEpochMilli())
			.query(Long.class)
			.single();
	}

	void insert(BulkJob job) {
		jdbc.sql("INSERT INTO file_jobs (id, owner_id, operation, status, total, done, skipped, failed, created_at, "
				+ "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(job.id().toString(), job.ownerId().toString(), job.operation(), job.status(), job.total(),
					job.done(), job.skipped(), job.failed(), job.createdAt().toEpochMilli(),
					job.updatedAt().toEpochMilli())
			.update();
	}

	void progress(BulkJob job) {
		jdbc.sql("UPDATE file_jobs SET status = ?, done = ?, skipped = ?, failed = ?, updated_at = ? WHERE id = ?")
			.params(job.status(), job.done(), job.skipped(), job.failed(), job.updatedAt().toEpochMilli(),
					job.id().toString())
			.update();
	}

	Optional<BulkJob> find(UUID id, UUID ownerId) {
		return jdbc.sql("SELECT * FROM file_jobs WHERE id = ? AND owner_id = ?")
			.params(id.toString(), ownerId.toString())
			.query((rs, row) -> new BulkJob(UUID.fromString(rs.getString("id")),
					UUID.fromString(rs.getString("owner_id")), rs.getString("operation"), rs.getString("status"),
					rs.getInt("total"), rs.getInt("done"), rs.getInt("skipped"), rs.getInt("failed"),
					Instant.ofEpochMilli(rs.getLong("created_at")), Instant.ofEpochMilli(rs.getLong("updated_at"))))
			.optional();
	}

}
