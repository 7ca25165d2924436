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
import dev.ferry.protect.AccessRules;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.UncategorizedSQLException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code files} table. The SQL runs unchanged on SQLite and PostgreSQL: prefix tests
 * use {@code SUBSTR} (SQLite's LIKE ignores ASCII case) and case-insensitive name search
 * uses a lower-cased copy of the name made in Java, so both databases fold alike.
 */
@Repository
class FileRepository {

	private static final String COLUMNS = "id, owner_id, folder, name, content_type, declared_type, size, sha256, "
			+ "blob_id, created_at, modified_at, scan_status, scan_signature";

	/** With the PII kinds found in the current content (module pii writes them). */
	private static final String SELECTED = COLUMNS + ", allowed_ips, (SELECT kinds FROM file_pii_flags p "
			+ "WHERE p.file_id = files.id AND p.sha256 = files.sha256) AS pii_flags";

	private static final int SQLITE_CONSTRAINT = 19;

	private final JdbcClient jdbc;

	private final SqlDialect dialect;

	private final ScanQueue scans;

	FileRepository(JdbcClient jdbc, SqlDialect dialect, ScanQueue scans) {
		this.jdbc = jdbc;
		this.dialect = dialect;
		this.scans = scans;
	}

	/** Inserts unless the owner already has this folder + name; says which happened. */
	boolean insertIfFree(FileRecord file) {
		boolean inserted = jdbc
			.sql(dialect.insertIfAbsent("INSERT INTO files (" + COLUMNS + ", name_lower, scan_due_at, uploaded_by) "
					+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", "owner_id", "folder", "name"))
			.params(file.id().toString(), file.ownerId().toString(), file.folder(), file.name(), file.contentType(),
					file.declaredType(), file.size(), file.sha256(), file.blobId().toString(),
					file.createdAt().toEpochMilli(), file.modifiedAt().toEpochMilli(), file.scan().status().value(),
					file.scan().signature(), lower(file.name()), file.createdAt().toEpochMilli(),
					file.ownerId().toString())
			.update() == 1;
		if (inserted && file.scan().status() == ScanStatus.PENDING) {
			scans.queue(file.id(), file.blobId());
		}
		return inserted;
	}

	Optional<FileRecord> findOwned(UUID id, UUID ownerId) {
		return jdbc.sql("SELECT " + SELECTED + " FROM files WHERE id = ? AND owner_id = ?")
			.params(id.toString(), ownerId.toString())
			.query(this::map)
			.optional();
	}

	Optional<FileRecord> findByPath(UUID ownerId, String folder, String name) {
		return jdbc.sql("SELECT " + SELECTED + " FROM files WHERE owner_id = ? AND folder = ? AND name = ?")
			.params(ownerId.toString(), folder, name)
			.query(this::map)
			.optional();
	}

	/** The owner's files directly in {@code folder}, by name, at most {@code limit}. */
	List<FileRecord> inFolder(UUID ownerId, String folder, int limit) {
		return jdbc
			.sql("SELECT " + SELECTED + " FROM files WHERE owner_id = ? AND folder = ? ORDER BY name LIMIT " + limit)
			.params(ownerId.toString(), folder)
			.query(this::map)
			.list();
	}

	/**
	 * The folders directly in {@code folder}, as paths in the database's order. Every
	 * folder below it that holds files or was created empty ({@code folders}) counts as
	 * its first step down, so {@code limit} bounds the children, however many folders lie
	 * deeper.
	 */
	List<String> childFolders(UUID ownerId, String folder, int limit) {
		String prefix = folder.equals(FilePaths.ROOT) ? FilePaths.ROOT : folder + "/";
		int length = prefix.codePointCount(0, prefix.length());
		String slash = dialect.position("'/'", "SUBSTR(below, " + (length + 1) + ")");
		return jdbc
			.sql("SELECT DISTINCT CASE WHEN " + slash + " = 0 THEN below ELSE SUBSTR(below, 1, " + length + " + "
					+ slash + " - 1) END AS child FROM (SELECT folder AS below FROM files WHERE owner_id = ? "
					+ "AND folder <> ? AND SUBSTR(folder, 1, ?) = ? UNION SELECT path FROM folders "
					+ "WHERE owner_id = ? AND path <> ? AND SUBSTR(path, 1, ?) = ?) descendants ORDER BY child LIMIT "
					+ limit)
			.params(ownerId.toString(), folder, length, prefix, ownerId.toString(), folder, length, prefix)
			.query(String.class)
			.list();
	}

	/** Whether the folder holds files, has folders below it or was created empty. */
	boolean folderExists(UUID ownerId, String folder) {
		return !inFolder(ownerId, folder, 1).isEmpty() || !childFolders(ownerId, folder, 1).isEmpty()
				|| jdbc.sql("SELECT COUNT(*) FROM folders WHERE owner_id = ? AND path = ?")
					.params(ownerId.toString(), folder)
					.query(Long.class)
					.single() > 0;
	}

	boolean exists(UUID ownerId, String folder, String name) {
		return jdbc.sql("SELECT COUNT(*) FROM files WHERE owner_id = ? AND folder = ? AND name = ?")
			.params(ownerId.toString(), folder, name)
			.query(Long.class)
			.single() > 0;
	}

	/** The owner's files with every older version they keep and their trash. */
	long usedBytes(UUID ownerId) {
		return jdbc
			.sql("SELECT (SELECT COALESCE(SUM(size), 0) FROM files WHERE owner_id = ?) "
					+ "+ (SELECT COALESCE(SUM(size), 0) FROM file_versions WHERE owner_id = ?) "
					+ "+ (SELECT COALESCE(SUM(size), 0) FROM trashed_files WHERE owner_id = ?)")
			.params(ownerId.toString(), ownerId.toString(), ownerId.toString())
			.query(Long.class)
			.single();
	}

	/**
	 * Renames or moves; the unique constraint refuses a path that is taken. Spring does
	 * not categorise SQLite's constraint error (code 19), so it is translated here.
	 */
	/**
	 * Points the file at new content, only if it still has {@code oldBlob}
	 * (compare-and-set: of two concurrent re-encryptions one wins).
	 */
	boolean replaceContent(FileRecord file, UUID newBlob, String name, String contentType, long size, String sha256,
			Instant modifiedAt) {
		return jdbc
			.sql("UPDATE files SET blob_id = ?, name = ?, name_lower = ?, content_type = ?, size = ?, sha256 = ?, "
					+ "modified_at = ? WHERE id = ? AND blob_id = ?")
			.params(newBlob.toString(), name, lower(name), contentType, size, sha256, modifiedAt.toEpochMilli(),
					file.id().toString(), file.blobId().toString())
			.update() == 1;
	}

	boolean move(UUID id, UUID ownerId, String folder, String name, Instant modifiedAt) {
		try {
			return jdbc.sql(
					"UPDATE files SET folder = ?, name = ?, name_lower = ?, modified_at = ? WHERE id = ? AND owner_id = ?")
				.params(folder, name, lower(name), modifiedAt.toEpochMilli(), id.toString(), ownerId.toString())
				.update() == 1;
		}
		catch (UncategorizedSQLException ex) {
			if (ex.getSQLException() != null && ex.getSQLException().getErrorCode() == SQLITE_CONSTRAINT) {
				throw new DataIntegrityViolationException("path taken", ex);
			}
			throw ex;
		}
	}

	/**
	 * Locks the file's row for the rest of the transaction (a write that changes nothing:
	 * the same on every database). False, and nothing locked, when the owner has no such
	 * file or, unless {@code blobId} is null, its content is no longer that blob.
	 */
	boolean lock(UUID id, UUID ownerId, UUID blobId) {
		String sql = "UPDATE files SET blob_id = blob_id WHERE id = ? AND owner_id = ?";
		JdbcClient.StatementSpec update = (blobId == null) ? jdbc.sql(sql).params(id.toString(), ownerId.toString())
				: jdbc.sql(sql + " AND blob_id = ?").params(id.toString(), ownerId.toString(), blobId.toString());
		return update.update() == 1;
	}

	/**
	 * Deletes the file while its content is {@code blobId}: false when gone or replaced.
	 */
	boolean delete(UUID id, UUID ownerId, UUID blobId) {
		return jdbc.sql("DELETE FROM files WHERE id = ? AND owner_id = ? AND blob_id = ?")
			.params(id.toString(), ownerId.toString(), blobId.toString())
			.update() == 1;
	}

	/** Up to {@code limit} of the owner's files, any order: for deleting them all. */
	List<FileRecord> someOwnedBy(UUID ownerId, int limit) {
		return jdbc.sql("SELECT " + SELECTED + " FROM files WHERE owner_id = ? LIMIT " + limit)
			.param(ownerId.toString())
			.query(this::map)
			.list();
	}

	/** One page plus one row, so the caller knows whether another page follows. */
	List<FileRecord> search(UUID ownerId, FileQuery query) {
		StringBuilder sql = new StringBuilder("SELECT " + SELECTED + " FROM files WHERE owner_id = ?");
		List<Object> params = new ArrayList<>();
		params.add(ownerId.toString());
		filter(query, sql, params);
		String column = query.sort().column();
		if (query.after() != null) {
			String op = query.descending() ? "<" : ">";
			sql.append(" AND (").append(column).append(' ').append(op).append(" ? OR (").append(column);
			sql.append(" = ? AND id ").append(op).append(" ?))");
			params.add(query.after().key());
			params.add(query.after().key());
			params.add(query.after().id().toString());
		}
		String direction = query.descending() ? " DESC" : " ASC";
		sql.append(" ORDER BY ").append(column).append(direction).append(", id").append(direction);
		sql.append(" LIMIT ").append(query.limit() + 1);
		return jdbc.sql(sql.toString()).params(params).query(this::map).list();
	}

	private static void filter(FileQuery query, StringBuilder sql, List<Object> params) {
		if (query.nameContains() != null) {
			sql.append(" AND name_lower LIKE ? ESCAPE '\\'");
			params.add("%" + escapeLike(lower(query.nameContains())) + "%");
		}
		if (query.typePrefix() != null) {
			sql.append(" AND");
			prefix("content_type", query.typePrefix(), sql, params);
		}
		if (query.minSize() != null) {
			sql.append(" AND size >= ?");
			params.add(query.minSize());
		}
		if (query.maxSize() != null) {
			sql.append(" AND size <= ?");
			params.add(query.maxSize());
		}
		if (query.createdAfter() != null) {
			sql.append(" AND created_at >= ?");
			params.add(query.createdAfter().toEpochMilli());
		}
		if (query.createdBefore() != null) {
			sql.append(" AND created_at < ?");
			params.add(query.createdBefore().toEpochMilli());
		}
		folder(query, sql, params);
		if (query.tag() != null) {
			sql.append(" AND id IN (SELECT file_id FROM file_tags WHERE owner_id = ? AND tag = ?)");
			params.add(params.get(0));
			params.add(query.tag());
		}
	}

	private static void folder(FileQuery query, StringBuilder sql, List<Object> params) {
		if (query.folder() == null || (query.recursive() && query.folder().equals(FilePaths.ROOT))) {
			return;
		}
		if (!query.recursive()) {
			sql.append(" AND folder = ?");
			params.add(query.folder());
			return;
		}
		sql.append(" AND (folder = ? OR ");
		params.add(query.folder());
		prefix("folder", query.folder() + "/", sql, params);
		sql.append(")");
	}

	private static void prefix(String column, String prefix, StringBuilder sql, List<Object> params) {
		sql.append(" SUBSTR(").append(column).append(", 1, ?) = ?");
		params.add(prefix.codePointCount(0, prefix.length()));
		params.add(prefix);
	}

	private static String lower(String text) {
		return text.toLowerCase(Locale.ROOT);
	}

	private static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	void restrict(UUID id, List<String> allowedIps) {
		jdbc.sql("UPDATE files SET allowed_ips = ? WHERE id = ?")
			.params(AccessRules.join(allowedIps), id.toString())
			.update();
	}

	private FileRecord map(ResultSet rs, int row) throws SQLException {
		return new FileRecord(UUID.fromString(rs.getString("id")), UUID.fromString(rs.getString("owner_id")),
				rs.getString("folder"), rs.getString("name"), rs.getString("content_type"),
				rs.getString("declared_type"), rs.getLong("size"), rs.getString("sha256"),
				UUID.fromString(rs.getString("blob_id")), Instant.ofEpochMilli(rs.getLong("created_at")),
				Instant.ofEpochMilli(rs.getLong("modified_at")),
				new FileRecord.Scan(ScanStatus.of(rs.getString("scan_status")), rs.getString("scan_signature")),
				AccessRules.stored(rs.getString("allowed_ips"), null, null).allowedIps(),
				FilePiiService.kinds(rs.getString("pii_flags")));
	}

}
