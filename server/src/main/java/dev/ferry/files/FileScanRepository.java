package dev.ferry.files;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.ferry.files.FileScans.ScanJob;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The scan columns of {@code files}: the queue of pending scans and their verdicts. */
@Repository
class FileScanRepository {

	private final JdbcClient jdbc;

	FileScanRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<ScanJob> due(Instant now, int max) {
		return jdbc
			.sql("SELECT id, owner_id, folder, name, blob_id, size, scan_attempts FROM files "
					+ "WHERE scan_status = 'pending' AND scan_due_at <= ? ORDER BY scan_due_at, id LIMIT " + max)
			.param(now.toEpochMilli())
			.query((rs, row) -> new ScanJob(UUID.fromString(rs.getString("id")),
					UUID.fromString(rs.getString("owner_id")),
					FilePaths.join(rs.getString("folder"), rs.getString("name")),
					UUID.fromString(rs.getString("blob_id")), rs.getLong("size"), rs.getInt("scan_attempts")))
			.list();
	}

	/**
	 * Settles a pending file whose content is still {@code blobId}; false when it was
	 * settled or deleted meanwhile, or when a new version arrived (its own scan is due).
	 */
	boolean settle(UUID id, UUID blobId, ScanStatus status, String signature) {
		return jdbc
			.sql("UPDATE files SET scan_status = ?, scan_signature = ?, scan_attempts = scan_attempts + 1, "
					+ "scan_due_at = NULL WHERE id = ? AND blob_id = ? AND scan_status = 'pending'")
			.params(status.value(), signature, id.toString(), blobId.toString())
			.update() == 1;
	}

	void retryAt(UUID id, Instant at) {
		jdbc.sql("UPDATE files SET scan_attempts = scan_attempts + 1, scan_due_at = ? "
				+ "WHERE id = ? AND scan_status = 'pending'")
			.params(at.toEpochMilli(), id.toString())
			.update();
	}

	int skipPending() {
		return jdbc.sql("UPDATE files SET scan_status = 'skipped', scan_due_at = NULL WHERE scan_status = 'pending'")
			.update();
	}

}
