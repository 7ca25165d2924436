package dev.ferry.share.link;

import java.util.UUID;

import dev.ferry.SqlDialect;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Links whose owner chose {@code show_previews: true}: a row each in
 * {@code share_link_previews}.
 */
@Component
class LinkPreviews {

	private final JdbcClient jdbc;

	private final SqlDialect dialect;

	LinkPreviews(JdbcClient jdbc, SqlDialect dialect) {
		this.jdbc = jdbc;
		this.dialect = dialect;
	}

	/** Two changes at once (a double click) must not collide on the link's row. */
	void set(UUID linkId, boolean on) {
		if (on) {
			jdbc.sql(dialect.insertIfAbsent("INSERT INTO share_link_previews (link_id) VALUES (?)", "link_id"))
				.param(linkId.toString())
				.update();
		}
		else {
			jdbc.sql("DELETE FROM share_link_previews WHERE link_id = ?").param(linkId.toString()).update();
		}
	}

	boolean shown(UUID linkId) {
		return jdbc.sql("SELECT COUNT(*) FROM share_link_previews WHERE link_id = ?")
			.param(linkId.toString())
			.query(Integer.class)
			.single() > 0;
	}

}
