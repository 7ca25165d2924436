package dev.ferry.files;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.ferry.files.FileScans.ScanJob;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The scan columns of {@code files}: the files waiting for a scan and their verdicts.
 * {@code scan_due_at} is no longer read: each scan's retries live in its job.
 */
@Repository
class FileScanRepository {

	private static final String SELECT = "SELECT id, owner_id, folder, name, blob_id, size, scan_attempts FROM files "
			+ "WHERE scan_status = 'pending'";

	private final JdbcClient jdbc;

	FileScanRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<ScanJob> pending(UUID id, UUID blobId) {
		return jdbc.sql(SELECT + " AND id = ? AND blob_id = ?")
			.params(id.toString(), blobId.toString())
			.query(FileScanRepository::map)
			.optional();
	}

	List<ScanJob> pending() {
		return jdbc.sql(SELECT + " ORDER BY created_at, id").query(FileScanRepository::map).list();
	}

	private static ScanJob map(ResultSet rs, int row) throws SQLException {
		return new ScanJob(UUID.fromString(rs.getString("id")), UUID.fromString(rs.getString("owner_id")),
				FilePaths.join(rs.getString("folder"), rs.getString("name")), UUID.fromString(rs.getString("blob_id")),
				rs.getLong("size"), rs.getInt("scan_attempts"));
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

	void attemptFailed(UUID id) {
		jdbc.sql("UPDATE files SET scan_attempts = scan_attempts + 1 WHERE id = ? AND scan_status = 'pending'")
			.param(id.toString())
			.update();
	}

}
