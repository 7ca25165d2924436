package dev.ferry.files;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
class AgedFilesQuery implements AgedFiles {

	private final JdbcClient jdbc;

	AgedFilesQuery(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<AgedFile> uploadedBefore(Instant cutoff, int limit) {
		return jdbc
			.sql("SELECT id, owner_id, folder, name, size, created_at FROM files WHERE created_at < ?"
					+ " ORDER BY created_at, id LIMIT ?")
			.params(cutoff.toEpochMilli(), limit)
			.query((rs, row) -> new AgedFile(UUID.fromString(rs.getString("id")),
					UUID.fromString(rs.getString("owner_id")),
					FilePaths.join(rs.getString("folder"), rs.getString("name")), rs.getLong("size"),
					Instant.ofEpochMilli(rs.getLong("created_at"))))
			.list();
	}

	@Override
	public long countUploadedBefore(Instant cutoff) {
		return jdbc.sql("SELECT COUNT(*) FROM files WHERE created_at < ?")
			.param(cutoff.toEpochMilli())
			.query(Long.class)
			.single();
	}

}
