package dev.ferry.files;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import dev.ferry.SqlDialect;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code trashed_files}: rows of {@code files} moved aside whole, so restoring brings the
 * file back with its id, blob, versions, scan state and network rules.
 */
@Repository
class TrashRepository {

	/** Every column {@code files} and {@code trashed_files} share but the path. */
	private static final String REST = "content_type, declared_type, size, sha256, blob_id, created_at, modified_at, "
			+ "scan_status, scan_signature, scan_attempts, scan_due_at, allowed_ips, version, version_at, uploaded_by";

	private static final String LISTED = "id, owner_id, folder, name, content_type, size, sha256, blob_id, trashed_at";

	private final JdbcClient jdbc;

	private final ScanQueue scans;

	private final SqlDialect dialect;

	private final ApplicationEventPublisher events;

	TrashRepository(JdbcClient jdbc, ScanQueue scans, SqlDialect dialect, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.scans = scans;
		this.dialect = dialect;
		this.events = events;
	}

	/**
	 * Moves the owner's file into the trash; false when it is gone. The row is locked
	 * first: on PostgreSQL the copy would otherwise read the last committed row at once
	 * while the delete waits for a new version being committed and then removes the
	 * updated row, so the trash would hold the old content and the new blob would leak.
	 */
	boolean moveIn(UUID fileId, UUID ownerId, Instant now) {
		if (jdbc.sql("UPDATE files SET blob_id = blob_id WHERE id = ? AND owner_id = ?")
			.params(fileId.toString(), ownerId.toString())
			.update() != 1) {
			return false;
		}
		int copied = jdbc
			.sql("INSERT INTO trashed_files (id, owner_id, folder, name, " + REST + ", trashed_at) "
					+ "SELECT id, owner_id, folder, name, " + REST + ", ? FROM files WHERE id = ? AND owner_id = ?")
			.params(now.toEpochMilli(), fileId.toString(), ownerId.toString())
			.update();
		return copied == 1 && jdbc.sql("DELETE FROM files WHERE id = ? AND owner_id = ?")
			.params(fileId.toString(), ownerId.toString())
			.update() == 1;
	}

	/**
	 * Moves a trashed file back to {@code folder}/{@code name} if no file is there; false
	 * when the path is taken. The check may race an upload to the same path: the unique
	 * key then refuses the row quietly (a constraint error would end the transaction on
	 * PostgreSQL and answer 500), and the caller tries the next name.
	 */
	boolean moveOut(UUID id, UUID ownerId, String folder, String name) {
		int copied = jdbc
			.sql(dialect.insertIfAbsent("INSERT INTO files (id, owner_id, folder, name, name_lower, " + REST + ") "
					+ "SELECT id, owner_id, ?, ?, ?, " + REST + " FROM trashed_files WHERE id = ? AND owner_id = ? "
					+ "AND NOT EXISTS (SELECT 1 FROM files WHERE owner_id = ? AND folder = ? AND name = ?)", "owner_id",
					"folder", "name"))
			.params(folder, name, name.toLowerCase(Locale.ROOT), id.toString(), ownerId.toString(), ownerId.toString(),
					folder, name)
			.update();
		if (copied != 1) {
			return false;
		}
		jdbc.sql("SELECT blob_id FROM files WHERE id = ? AND scan_status = 'pending'")
			.param(id.toString())
			.query(String.class)
			.optional()
			.ifPresent((blobId) -> scans.queue(id, UUID.fromString(blobId)));
		boolean moved = jdbc.sql("DELETE FROM trashed_files WHERE id = ?").param(id.toString()).update() == 1;
		if (moved) {
			events.publishEvent(new FileRestored(id, ownerId));
		}
		return moved;
	}

	Optional<Trashed> find(UUID id, UUID ownerId) {
		return jdbc.sql("SELECT " + LISTED + " FROM trashed_files WHERE id = ? AND owner_id = ?")
			.params(id.toString(), ownerId.toString())
			.query(this::map)
			.optional();
	}

	/** Newest first; {@code after} continues from a page's last item. */
	List<Trashed> list(UUID ownerId, Trashed after, int limit) {
		StringBuilder sql = new StringBuilder("SELECT " + LISTED + " FROM trashed_files WHERE owner_id = ?");
		List<Object> params = new ArrayList<>(List.of(ownerId.toString()));
		if (after != null) {
			sql.append(" AND (trashed_at < ? OR (trashed_at = ? AND id < ?))");
			params.addAll(
					List.of(after.trashedAt().toEpochMilli(), after.trashedAt().toEpochMilli(), after.id().toString()));
		}
		sql.append(" ORDER BY trashed_at DESC, id DESC LIMIT ").append(limit);
		return jdbc.sql(sql.toString()).params(params).query(this::map).list();
	}

	/** Up to {@code limit} of the owner's trashed files, any order: for emptying. */
	List<Trashed> someOwnedBy(UUID ownerId, int limit) {
		return jdbc.sql("SELECT " + LISTED + " FROM trashed_files WHERE owner_id = ? LIMIT " + limit)
			.param(ownerId.toString())
			.query(this::map)
			.list();
	}

	/** Trashed files whose time ran out, oldest first. */
	List<Trashed> trashedBefore(Instant cutoff, int limit) {
		return jdbc
			.sql("SELECT " + LISTED + " FROM trashed_files WHERE trashed_at < ? ORDER BY trashed_at, id LIMIT " + limit)
			.param(cutoff.toEpochMilli())
			.query(this::map)
			.list();
	}

	long countTrashedBefore(Instant cutoff) {
		return jdbc.sql("SELECT COUNT(*) FROM trashed_files WHERE trashed_at < ?")
			.param(cutoff.toEpochMilli())
			.query(Long.class)
			.single();
	}

	/**
	 * Deletes the trash entry as it was read: a file restored and trashed again since is
	 * another entry (perhaps with other content), not this one's to purge.
	 */
	boolean delete(Trashed entry) {
		return jdbc.sql("DELETE FROM trashed_files WHERE id = ? AND blob_id = ? AND trashed_at = ?")
			.params(entry.id().toString(), entry.blobId().toString(), entry.trashedAt().toEpochMilli())
			.update() == 1;
	}

	private Trashed map(ResultSet rs, int row) throws SQLException {
		return new Trashed(UUID.fromString(rs.getString("id")), UUID.fromString(rs.getString("owner_id")),
				rs.getString("folder"), rs.getString("name"), rs.getString("content_type"), rs.getLong("size"),
				rs.getString("sha256"), UUID.fromString(rs.getString("blob_id")),
				Instant.ofEpochMilli(rs.getLong("trashed_at")));
	}

	/** A file in the trash: where it was and when it was deleted. */
	record Trashed(UUID id, UUID ownerId, String folder, String name, String contentType, long size, String sha256,
			UUID blobId, Instant trashedAt) {

		String path() {
			return FilePaths.join(folder, name);
		}

	}

}
