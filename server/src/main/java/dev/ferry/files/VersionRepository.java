package dev.ferry.files;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The older versions of files ({@code file_versions}), the version columns of
 * {@code files} and each account's own number of versions to keep
 * ({@code file_version_settings}).
 */
@Repository
class VersionRepository {

	private static final String COLUMNS = "id, file_id, owner_id, version, content_type, declared_type, size, sha256, "
			+ "blob_id, scan_status, scan_signature, created_at, replaced_at, uploaded_by";

	/**
	 * Retention, like pruning, leaves the versions a share link pinned until its transfer
	 * ends.
	 */
	private static final String UNPINNED = "NOT EXISTS (SELECT 1 FROM file_version_pins p "
			+ "WHERE p.file_id = file_versions.file_id AND p.version = file_versions.version)";

	private final JdbcClient jdbc;

	private final ScanQueue scans;

	VersionRepository(JdbcClient jdbc, ScanQueue scans) {
		this.jdbc = jdbc;
		this.scans = scans;
	}

	/** The current version's number, when its content arrived and who uploaded it. */
	Current current(UUID fileId) {
		return jdbc.sql("SELECT version, COALESCE(version_at, created_at) AS at, uploaded_by FROM files WHERE id = ?")
			.param(fileId.toString())
			.query((rs, row) -> new Current(rs.getInt("version"), Instant.ofEpochMilli(rs.getLong("at")),
					uuid(rs.getString("uploaded_by"))))
			.optional()
			// Deleted since the caller found it: unknown, as on the next request.
			.orElseThrow(FileException::notFound);
	}

	/**
	 * Points the file at {@code content} as version {@code to} (which arrived at
	 * {@code at}), only while it still is version {@code from} with {@code oldBlob}
	 * (compare-and-set: of two concurrent arrivals one wins; on PostgreSQL and MariaDB
	 * the loser waits for the row and then misses).
	 */
	boolean point(UUID fileId, int from, UUID oldBlob, Target target, Instant now) {
		FileRecord.Scan scan = target.scan();
		boolean pointed = jdbc
			.sql("UPDATE files SET blob_id = ?, content_type = ?, declared_type = ?, size = ?, sha256 = ?, "
					+ "modified_at = ?, version = ?, version_at = ?, scan_status = ?, scan_signature = ?, "
					+ "scan_attempts = 0, scan_due_at = ?, uploaded_by = ? WHERE id = ? AND version = ? AND blob_id = ?")
			.params(target.content().blobId().toString(), target.content().contentType(),
					target.content().declaredType(), target.content().size(), target.content().sha256(),
					now.toEpochMilli(), target.version(), target.at().toEpochMilli(), scan.status().value(),
					scan.signature(), (scan.status() == ScanStatus.PENDING) ? now.toEpochMilli() : null,
					(target.uploadedBy() != null) ? target.uploadedBy().toString() : null, fileId.toString(), from,
					oldBlob.toString())
			.update() == 1;
		if (pointed && scan.status() == ScanStatus.PENDING) {
			scans.queue(fileId, target.content().blobId());
		}
		return pointed;
	}

	void insert(Version version) {
		jdbc.sql("INSERT INTO file_versions (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(version.id().toString(), version.fileId().toString(), version.ownerId().toString(),
					version.version(), version.content().contentType(), version.content().declaredType(),
					version.content().size(), version.content().sha256(), version.content().blobId().toString(),
					version.scan().status().value(), version.scan().signature(), version.createdAt().toEpochMilli(),
					version.replacedAt().toEpochMilli(),
					(version.uploadedBy() != null) ? version.uploadedBy().toString() : null)
			.update();
	}

	/** The file's older versions, newest first. */
	List<Version> older(UUID fileId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM file_versions WHERE file_id = ? ORDER BY version DESC")
			.param(fileId.toString())
			.query(this::map)
			.list();
	}

	Optional<Version> find(UUID fileId, int version) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM file_versions WHERE file_id = ? AND version = ?")
			.params(fileId.toString(), version)
			.query(this::map)
			.optional();
	}

	/**
	 * Older versions replaced before {@code cutoff}, oldest first, at most {@code limit}.
	 */
	List<Version> replacedBefore(Instant cutoff, int limit) {
		return jdbc
			.sql("SELECT " + COLUMNS + " FROM file_versions WHERE replaced_at < ? AND " + UNPINNED
					+ " ORDER BY replaced_at, id LIMIT " + limit)
			.param(cutoff.toEpochMilli())
			.query(this::map)
			.list();
	}

	long countReplacedBefore(Instant cutoff) {
		return jdbc.sql("SELECT COUNT(*) FROM file_versions WHERE replaced_at < ? AND " + UNPINNED)
			.param(cutoff.toEpochMilli())
			.query(Long.class)
			.single();
	}

	boolean delete(UUID id) {
		return jdbc.sql("DELETE FROM file_versions WHERE id = ?").param(id.toString()).update() == 1;
	}

	/**
	 * Deletes an older version unless a holder pinned it; false when it is gone or
	 * pinned. The file's row is locked first, as a transfer locks it while it pins: a pin
	 * committed meanwhile is seen, and one still to come finds the version gone.
	 */
	boolean deleteUnpinned(Version version) {
		jdbc.sql("UPDATE files SET blob_id = blob_id WHERE id = ?").param(version.fileId().toString()).update();
		return jdbc.sql("DELETE FROM file_versions WHERE id = ? AND " + UNPINNED)
			.param(version.id().toString())
			.update() == 1;
	}

	long usedBytes(UUID ownerId) {
		return jdbc.sql("SELECT COALESCE(SUM(size), 0) FROM file_versions WHERE owner_id = ?")
			.param(ownerId.toString())
			.query(Long.class)
			.single();
	}

	OptionalInt keep(UUID userId) {
		return jdbc.sql("SELECT keep_versions FROM file_version_settings WHERE user_id = ?")
			.param(userId.toString())
			.query(Integer.class)
			.optional()
			.map(OptionalInt::of)
			.orElse(OptionalInt.empty());
	}

	void setKeep(UUID userId, Integer keep) {
		jdbc.sql("DELETE FROM file_version_settings WHERE user_id = ?").param(userId.toString()).update();
		if (keep != null) {
			jdbc.sql("INSERT INTO file_version_settings (user_id, keep_versions) VALUES (?, ?)")
				.params(userId.toString(), keep)
				.update();
		}
	}

	/**
	 * Keeps version {@code version} of the file from pruning while {@code holder} lives.
	 */
	void pin(UUID holder, UUID fileId, UUID ownerId, int version) {
		jdbc.sql("INSERT INTO file_version_pins (holder_id, file_id, owner_id, version) VALUES (?, ?, ?, ?)")
			.params(holder.toString(), fileId.toString(), ownerId.toString(), version)
			.update();
	}

	void unpin(UUID holder) {
		jdbc.sql("DELETE FROM file_version_pins WHERE holder_id = ?").param(holder.toString()).update();
	}

	void unpinOwner(UUID ownerId) {
		jdbc.sql("DELETE FROM file_version_pins WHERE owner_id = ?").param(ownerId.toString()).update();
	}

	/** The version numbers of the file some holder pinned. */
	Set<Integer> pinned(UUID fileId) {
		return Set.copyOf(jdbc.sql("SELECT version FROM file_version_pins WHERE file_id = ?")
			.param(fileId.toString())
			.query(Integer.class)
			.list());
	}

	private Version map(ResultSet rs, int row) throws SQLException {
		return new Version(UUID.fromString(rs.getString("id")), UUID.fromString(rs.getString("file_id")),
				UUID.fromString(rs.getString("owner_id")), rs.getInt("version"),
				new Content(UUID.fromString(rs.getString("blob_id")), rs.getString("content_type"),
						rs.getString("declared_type"), rs.getLong("size"), rs.getString("sha256")),
				new FileRecord.Scan(ScanStatus.of(rs.getString("scan_status")), rs.getString("scan_signature")),
				Instant.ofEpochMilli(rs.getLong("created_at")), Instant.ofEpochMilli(rs.getLong("replaced_at")),
				uuid(rs.getString("uploaded_by")));
	}

	private static UUID uuid(String value) {
		return (value != null) ? UUID.fromString(value) : null;
	}

	/** {@code uploadedBy}: the account whose upload made it, null where unknown. */
	record Current(int version, Instant at, UUID uploadedBy) {
	}

	/**
	 * What the files row is to become: version {@code version}, arrived at {@code at}.
	 */
	record Target(int version, Content content, FileRecord.Scan scan, Instant at, UUID uploadedBy) {
	}

	/** One version's content: its blob and what the blob holds. */
	record Content(UUID blobId, String contentType, String declaredType, long size, String sha256) {

		static Content of(FileRecord file) {
			return new Content(file.blobId(), file.contentType(), file.declaredType(), file.size(), file.sha256());
		}

	}

	/**
	 * An older version: {@code createdAt} is when its content arrived, {@code replacedAt}
	 * when a newer one took its place.
	 */
	record Version(UUID id, UUID fileId, UUID ownerId, int version, Content content, FileRecord.Scan scan,
			Instant createdAt, Instant replacedAt, UUID uploadedBy) {
	}

}
