package dev.ferry.files;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.ferry.SqlDialect;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** {@link FilePii} over {@code file_pii_flags}: one row per file and content. */
@Service
class FilePiiService implements FilePii {

	private final JdbcClient jdbc;

	private final SqlDialect dialect;

	FilePiiService(JdbcClient jdbc, SqlDialect dialect) {
		this.jdbc = jdbc;
		this.dialect = dialect;
	}

	@Override
	public void flag(UUID fileId, String sha256, List<String> kinds, Instant at) {
		jdbc.sql(dialect.upsert("INSERT INTO file_pii_flags (file_id, sha256, kinds, flagged_at) VALUES (?, ?, ?, ?)",
				new String[] { "file_id", "sha256" }, "kinds", "flagged_at"))
			.params(fileId.toString(), sha256, String.join(",", kinds), at.toEpochMilli())
			.update();
	}

	@Override
	public Map<UUID, List<String>> flagged(Collection<UUID> fileIds) {
		Map<UUID, List<String>> flagged = new HashMap<>();
		for (UUID id : fileIds) {
			jdbc.sql("SELECT p.kinds FROM file_pii_flags p JOIN files f ON f.id = p.file_id AND f.sha256 = p.sha256 "
					+ "WHERE p.file_id = ?")
				.param(id.toString())
				.query(String.class)
				.optional()
				.map(FilePiiService::kinds)
				.filter((kinds) -> !kinds.isEmpty())
				.ifPresent((kinds) -> flagged.put(id, kinds));
		}
		return flagged;
	}

	/** The stored comma-separated kinds; none for a file not scanned or found clean. */
	static List<String> kinds(String stored) {
		if (stored == null || stored.isEmpty()) {
			return List.of();
		}
		return Arrays.asList(stored.split(","));
	}

}
