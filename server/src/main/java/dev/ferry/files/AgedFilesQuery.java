package dev.ferry.files;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A file's age is that of its current content: {@code version_at}, set when a new version
 * replaced it, else {@code created_at}. A file first uploaded long ago and overwritten
 * daily is young; going by {@code created_at} purged today's upload with it. A file a
 * live transfer pinned is not aged out under its recipients.
 */
@Component
class AgedFilesQuery implements AgedFiles {

	private static final String UPLOADED_AT = "COALESCE(version_at, created_at)";

	/** A live transfer pinned a version: the file stays until the transfer ends. */
	private static final String UNPINNED = "NOT EXISTS (SELECT 1 FROM file_version_pins p WHERE p.file_id = files.id)";

	private final JdbcClient jdbc;

	AgedFilesQuery(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<AgedFile> uploadedBefore(Instant cutoff, int limit) {
		return jdbc
			.sql("SELECT id, owner_id, folder, name, size, created_at, blob_id FROM files WHERE " + UPLOADED_AT
					+ " < ? AND " + UNPINNED + " ORDER BY " + UPLOADED_AT + ", id LIMIT ?")
			.params(cutoff.toEpochMilli(), limit)
			.query((rs, row) -> new AgedFile(UUID.fromString(rs.getString("id")),
					UUID.fromString(rs.getString("owner_id")),
					FilePaths.join(rs.getString("folder"), rs.getString("name")), rs.getLong("size"),
					Instant.ofEpochMilli(rs.getLong("created_at")), UUID.fromString(rs.getString("blob_id"))))
			.list();
	}

	@Override
	public long countUploadedBefore(Instant cutoff) {
		return jdbc.sql("SELECT COUNT(*) FROM files WHERE " + UPLOADED_AT + " < ? AND " + UNPINNED)
			.param(cutoff.toEpochMilli())
			.query(Long.class)
			.single();
	}

}
