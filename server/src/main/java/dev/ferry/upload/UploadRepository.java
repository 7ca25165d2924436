package dev.ferry.upload;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.ferry.files.FileCatalog.Placement;
import dev.ferry.storage.BlobReferences;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code uploads} table. Every change of offset or status is conditional on the state
 * the caller saw, so two nodes working on the same upload cannot overwrite each other.
 */
@Repository
class UploadRepository implements BlobReferences {

	private static final TypeReference<Map<String, String>> METADATA = new TypeReference<>() {
	};

	private static final String ACTIVE = status(Upload.Status.ACTIVE);

	private final JdbcClient jdbc;

	private final JsonMapper json;

	UploadRepository(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	void insert(Upload upload) {
		jdbc.sql("""
				INSERT INTO uploads (id, owner_id, blob_id, upload_length, upload_offset, metadata, folder, name,
				  content_type, status, created_at, updated_at, expires_at)
				VALUES (:id, :owner, :blob, :length, :offset, :metadata, :folder, :name, :type, :status, :created,
				  :created, :expires)""")
			.param("id", upload.id().toString())
			.param("owner", upload.ownerId().toString())
			.param("blob", upload.blobId().toString())
			.param("length", upload.length(), Types.BIGINT)
			.param("offset", upload.offset())
			.param("metadata", json.writeValueAsString(upload.metadata().values()))
			.param("folder", upload.placement().folder(), Types.VARCHAR)
			.param("name", upload.placement().name())
			.param("type", upload.declaredType(), Types.VARCHAR)
			.param("status", status(upload.status()))
			.param("created", upload.createdAt().toEpochMilli())
			.param("expires", upload.expiresAt().toEpochMilli())
			.update();
	}

	Optional<Upload> find(UUID id) {
		return jdbc.sql("SELECT * FROM uploads WHERE id = :id").param("id", id.toString()).query(this::map).optional();
	}

	/**
	 * Moves the offset from what the caller saw; false if someone else moved it first, or
	 * if a length declared meanwhile is shorter.
	 */
	boolean advance(UUID id, long from, long to, Instant expiresAt, Instant now) {
		return jdbc.sql("""
				UPDATE uploads SET upload_offset = :to, expires_at = :expires, updated_at = :now
				WHERE id = :id AND upload_offset = :from AND status = :active
				  AND (upload_length IS NULL OR upload_length >= :to)""")
			.param("to", to)
			.param("expires", expiresAt.toEpochMilli())
			.param("now", now.toEpochMilli())
			.param("id", id.toString())
			.param("from", from)
			.param("active", ACTIVE)
			.update() == 1;
	}

	/**
	 * Moves an active upload's expiry to {@code expiresAt} while a body is arriving;
	 * false when it is no longer active (it expired, was ended or completed meanwhile).
	 */
	boolean keepAlive(UUID id, Instant expiresAt, Instant now) {
		return jdbc.sql("""
				UPDATE uploads SET expires_at = :expires, updated_at = :now
				WHERE id = :id AND status = :active AND expires_at > :now""")
			.param("expires", expiresAt.toEpochMilli())
			.param("now", now.toEpochMilli())
			.param("id", id.toString())
			.param("active", ACTIVE)
			.update() == 1;
	}

	/**
	 * Sets a deferred length; false if it was set meanwhile, or if more bytes than it
	 * arrived meanwhile.
	 */
	boolean declareLength(UUID id, long length, Instant now) {
		return jdbc.sql("""
				UPDATE uploads SET upload_length = :length, updated_at = :now
				WHERE id = :id AND upload_length IS NULL AND status = :active AND upload_offset <= :length""")
			.param("length", length)
			.param("now", now.toEpochMilli())
			.param("id", id.toString())
			.param("active", ACTIVE)
			.update() == 1;
	}

	/** Names the file a completed upload became. */
	void linkFile(UUID id, UUID fileId) {
		jdbc.sql("UPDATE uploads SET file_id = :file WHERE id = :id")
			.param("file", fileId.toString())
			.param("id", id.toString())
			.update();
	}

	boolean complete(UUID id, String sha256, Instant now) {
		return jdbc.sql("""
				UPDATE uploads SET status = :completed, sha256 = :sha256, completed_at = :now, updated_at = :now
				WHERE id = :id AND status = :active AND upload_offset = upload_length""")
			.param("completed", status(Upload.Status.COMPLETED))
			.param("sha256", sha256)
			.param("now", now.toEpochMilli())
			.param("id", id.toString())
			.param("active", ACTIVE)
			.update() == 1;
	}

	boolean expire(UUID id, Instant now) {
		return jdbc.sql("""
				UPDATE uploads SET status = :expired, updated_at = :now
				WHERE id = :id AND status = :active AND expires_at <= :now""")
			.param("expired", status(Upload.Status.EXPIRED))
			.param("now", now.toEpochMilli())
			.param("id", id.toString())
			.param("active", ACTIVE)
			.update() == 1;
	}

	boolean delete(UUID id, Upload.Status expected) {
		return jdbc.sql("DELETE FROM uploads WHERE id = :id AND status = :status")
			.param("id", id.toString())
			.param("status", status(expected))
			.update() == 1;
	}

	/**
	 * Bytes the owner's other unfinished deferred-length uploads received so far. Uploads
	 * that declared their length hold a quota reservation of it instead.
	 */
	long reservedBytes(UUID ownerId, UUID exceptId, Instant now) {
		return jdbc.sql("""
				SELECT COALESCE(SUM(upload_offset), 0) FROM uploads
				WHERE owner_id = :owner AND id <> :except AND status = :active AND expires_at > :now
				  AND upload_length IS NULL""")
			.param("owner", ownerId.toString())
			.param("except", (exceptId != null) ? exceptId.toString() : "")
			.param("active", ACTIVE)
			.param("now", now.toEpochMilli())
			.query(Long.class)
			.single();
	}

	List<Upload> activeExpiredBy(Instant now, int limit) {
		return jdbc
			.sql("SELECT * FROM uploads WHERE status = :active AND expires_at <= :now ORDER BY expires_at"
					+ " LIMIT :limit")
			.param("active", ACTIVE)
			.param("now", now.toEpochMilli())
			.param("limit", limit)
			.query(this::map)
			.list();
	}

	/**
	 * The owner's unfinished uploads, at most {@code limit}: active ones, and expired
	 * ones whose bytes the cleanup has not destroyed yet.
	 */
	List<Upload> unfinishedOwnedBy(UUID ownerId, int limit) {
		return jdbc.sql("SELECT * FROM uploads WHERE owner_id = :owner AND status IN (:active, :expired) LIMIT :limit")
			.param("owner", ownerId.toString())
			.param("active", ACTIVE)
			.param("expired", status(Upload.Status.EXPIRED))
			.param("limit", limit)
			.query(this::map)
			.list();
	}

	List<Upload> withStatus(Upload.Status status, int limit) {
		return jdbc.sql("SELECT * FROM uploads WHERE status = :status ORDER BY updated_at LIMIT :limit")
			.param("status", status(status))
			.param("limit", limit)
			.query(this::map)
			.list();
	}

	/** Forgets finished uploads: their blobs belong to files now and stay untouched. */
	int purgeCompletedBefore(Instant cutoff) {
		return jdbc.sql("DELETE FROM uploads WHERE status = :completed AND completed_at < :cutoff")
			.param("completed", status(Upload.Status.COMPLETED))
			.param("cutoff", cutoff.toEpochMilli())
			.update();
	}

	private Upload map(ResultSet rs, int row) throws SQLException {
		long length = rs.getLong("upload_length");
		Long declared = rs.wasNull() ? null : length;
		long completed = rs.getLong("completed_at");
		Instant completedAt = rs.wasNull() ? null : Instant.ofEpochMilli(completed);
		return new Upload(UUID.fromString(rs.getString("id")), UUID.fromString(rs.getString("owner_id")),
				UUID.fromString(rs.getString("blob_id")), declared, rs.getLong("upload_offset"),
				new UploadMetadata(json.readValue(rs.getString("metadata"), METADATA)),
				new Placement(rs.getString("folder"), rs.getString("name")), rs.getString("content_type"),
				rs.getString("sha256"), Upload.Status.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)),
				Instant.ofEpochMilli(rs.getLong("created_at")), Instant.ofEpochMilli(rs.getLong("expires_at")),
				completedAt, (rs.getString("file_id") != null) ? UUID.fromString(rs.getString("file_id")) : null);
	}

	private static String status(Upload.Status status) {
		return status.name().toLowerCase(Locale.ROOT);
	}

	@Override
	public Set<UUID> referencedAmong(Collection<UUID> blobIds) {
		return BlobReferences.select(jdbc, "SELECT blob_id FROM uploads WHERE blob_id IN (:ids)", blobIds);
	}

}
