package dev.ferry.files;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.ferry.protect.AccessRules;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
class OwnedFilesQuery implements OwnedFiles {

	private final JdbcClient jdbc;

	OwnedFilesQuery(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<OwnedFile> page(UUID ownerId, String afterId, int limit) {
		return jdbc.sql("""
				SELECT id, folder, name, content_type, size, sha256, scan_status, allowed_ips, created_at, modified_at
				FROM files WHERE owner_id = ? AND id > ? ORDER BY id LIMIT ?""")
			.params(ownerId.toString(), afterId, limit)
			.query((rs, row) -> new OwnedFile(UUID.fromString(rs.getString("id")),
					FilePaths.join(rs.getString("folder"), rs.getString("name")), rs.getString("content_type"),
					rs.getLong("size"), rs.getString("sha256"), rs.getString("scan_status"),
					AccessRules.stored(rs.getString("allowed_ips"), null, null).allowedIps(),
					Instant.ofEpochMilli(rs.getLong("created_at")), Instant.ofEpochMilli(rs.getLong("modified_at"))))
			.list();
	}

}
