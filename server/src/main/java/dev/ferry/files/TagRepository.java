package dev.ferry.files;

import java.util.List;
import java.util.UUID;

import dev.ferry.SqlDialect;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code file_tags}: each owner's tags on their files. */
@Repository
class TagRepository {

	private final JdbcClient jdbc;

	private final SqlDialect dialect;

	TagRepository(JdbcClient jdbc, SqlDialect dialect) {
		this.jdbc = jdbc;
		this.dialect = dialect;
	}

	void add(UUID fileId, UUID ownerId, String tag) {
		jdbc.sql(dialect.insertIfAbsent("INSERT INTO file_tags (file_id, owner_id, tag) VALUES (?, ?, ?)", "file_id",
				"tag"))
			.params(fileId.toString(), ownerId.toString(), tag)
			.update();
	}

	void clear(UUID fileId) {
		jdbc.sql("DELETE FROM file_tags WHERE file_id = ?").param(fileId.toString()).update();
	}

	List<String> of(UUID fileId) {
		return jdbc.sql("SELECT tag FROM file_tags WHERE file_id = ? ORDER BY tag")
			.param(fileId.toString())
			.query(String.class)
			.list();
	}

	/** The owner's tags with how many of their files (not in the trash) carry each. */
	List<TagCount> counts(UUID ownerId) {
		return jdbc
			.sql("SELECT tag, COUNT(*) AS n FROM file_tags WHERE owner_id = ? "
					+ "AND file_id IN (SELECT id FROM files WHERE owner_id = ?) GROUP BY tag ORDER BY tag LIMIT 1000")
			.params(ownerId.toString(), ownerId.toString())
			.query((rs, row) -> new TagCount(rs.getString("tag"), rs.getLong("n")))
			.list();
	}

	record TagCount(String tag, long count) {
	}

}
