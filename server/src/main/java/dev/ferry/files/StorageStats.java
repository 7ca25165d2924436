package dev.ferry.files;

import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Read-only storage figures for the admin dashboard, so other modules never read the
 * {@code files} table themselves. Callers check that the caller is an admin.
 */
@Component
public class StorageStats {

	private final JdbcClient jdbc;

	public StorageStats(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every stored file and their bytes. */
	public Totals totals() {
		return jdbc.sql("SELECT COUNT(*), COALESCE(SUM(size), 0) FROM files")
			.query((rs, i) -> new Totals(rs.getLong(1), rs.getLong(2)))
			.single();
	}

	/** Bytes and files per owner id, for every owner that has files. */
	public Map<String, Totals> byOwner() {
		Map<String, Totals> usage = new HashMap<>();
		jdbc.sql("SELECT owner_id, COUNT(*), COALESCE(SUM(size), 0) FROM files GROUP BY owner_id").query((rs) -> {
			usage.put(rs.getString(1), new Totals(rs.getLong(2), rs.getLong(3)));
		});
		return usage;
	}

	public record Totals(long files, long bytes) {
	}

}
