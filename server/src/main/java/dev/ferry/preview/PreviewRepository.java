package dev.ferry.preview;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.ferry.SqlDialect;
import dev.ferry.storage.BlobReferences;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code previews} table: the queue of files waiting for a preview and, once made,
 * where the encrypted raster is. A node takes a job by moving its {@code due_at} forward
 * with a conditional update, so two nodes never render the same file at once.
 */
@Repository
class PreviewRepository implements BlobReferences {

	private static final String COLUMNS = "file_id, owner_id, status, reason, blob_id, content_type, width, height, "
			+ "size, attempts, due_at";

	private final JdbcClient jdbc;

	private final SqlDialect dialect;

	PreviewRepository(JdbcClient jdbc, SqlDialect dialect) {
		this.jdbc = jdbc;
		this.dialect = dialect;
	}

	void enqueue(UUID fileId, UUID ownerId, Instant now) {
		jdbc.sql(
				dialect.insertIfAbsent("INSERT INTO previews (file_id, owner_id, status, attempts, due_at, created_at) "
						+ "VALUES (?, ?, 'pending', 0, ?, ?)", "file_id"))
			.params(fileId.toString(), ownerId.toString(), now.toEpochMilli(), now.toEpochMilli())
			.update();
	}

	List<Preview> due(Instant now, int max) {
		return jdbc
			.sql("SELECT " + COLUMNS
					+ " FROM previews WHERE status = 'pending' AND due_at <= ? ORDER BY due_at LIMIT ?")
			.params(now.toEpochMilli(), max)
			.query(PreviewRepository::map)
			.list();
	}

	/** Takes the job until {@code until}, if no other node took it since it was read. */
	boolean claim(Preview job, Instant until) {
		return jdbc.sql("UPDATE previews SET due_at = ? WHERE file_id = ? AND status = 'pending' AND due_at = ?")
			.params(until.toEpochMilli(), job.fileId().toString(), job.dueAt().toEpochMilli())
			.update() == 1;
	}

	/**
	 * Marks the preview rendered, if the job is still the one claimed until
	 * {@code claimedUntil}: new content re-queues the row (a later due time), and a
	 * render of the old content finishing after it must not pass for the new one.
	 */
	boolean ready(UUID fileId, Instant claimedUntil, UUID blobId, Raster raster) {
		return jdbc
			.sql("UPDATE previews SET status = 'ready', reason = NULL, blob_id = ?, content_type = ?, width = ?, "
					+ "height = ?, size = ? WHERE file_id = ? AND status = 'pending' AND due_at = ?")
			.params(blobId.toString(), raster.contentType(), raster.width(), raster.height(), raster.bytes().length,
					fileId.toString(), claimedUntil.toEpochMilli())
			.update() == 1;
	}

	void settle(UUID fileId, Instant claimedUntil, String status, String reason) {
		jdbc.sql("UPDATE previews SET status = ?, reason = ? WHERE file_id = ? AND status = 'pending' AND due_at = ?")
			.params(status, reason, fileId.toString(), claimedUntil.toEpochMilli())
			.update();
	}

	void retryAt(UUID fileId, Instant claimedUntil, int attempts, Instant at) {
		jdbc.sql("UPDATE previews SET attempts = ?, due_at = ? WHERE file_id = ? AND status = 'pending' AND due_at = ?")
			.params(attempts, at.toEpochMilli(), fileId.toString(), claimedUntil.toEpochMilli())
			.update();
	}

	Optional<Preview> find(UUID fileId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM previews WHERE file_id = ?")
			.param(fileId.toString())
			.query(PreviewRepository::map)
			.optional();
	}

	/** Up to {@code max} previews after {@code afterFileId} (null: from the start). */
	List<Preview> page(String afterFileId, int max) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM previews WHERE file_id > ? ORDER BY file_id LIMIT ?")
			.params((afterFileId != null) ? afterFileId : "", max)
			.query(PreviewRepository::map)
			.list();
	}

	/** Up to {@code max} of the owner's previews, any order: for discarding them all. */
	List<Preview> ownedBy(UUID ownerId, int max) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM previews WHERE owner_id = ? LIMIT ?")
			.params(ownerId.toString(), max)
			.query(PreviewRepository::map)
			.list();
	}

	void delete(UUID fileId) {
		jdbc.sql("DELETE FROM previews WHERE file_id = ?").param(fileId.toString()).update();
	}

	private static Preview map(ResultSet rs, int row) throws SQLException {
		String blob = rs.getString("blob_id");
		return new Preview(UUID.fromString(rs.getString("file_id")), UUID.fromString(rs.getString("owner_id")),
				rs.getString("status"), rs.getString("reason"), (blob != null) ? UUID.fromString(blob) : null,
				rs.getString("content_type"), rs.getLong("size"), rs.getInt("attempts"),
				Instant.ofEpochMilli(rs.getLong("due_at")));
	}

	/** One row; {@code blobId}, {@code contentType} and {@code size} only when ready. */
	record Preview(UUID fileId, UUID ownerId, String status, String reason, UUID blobId, String contentType, long size,
			int attempts, Instant dueAt) {

		boolean isReady() {
			return "ready".equals(status);
		}

	}

	@Override
	public Set<UUID> referencedAmong(Collection<UUID> blobIds) {
		return BlobReferences.select(jdbc, "SELECT blob_id FROM previews WHERE blob_id IN (:ids)", blobIds);
	}

}
