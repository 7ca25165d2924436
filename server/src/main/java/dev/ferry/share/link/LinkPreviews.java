package dev.ferry.share.link;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Links whose owner chose {@code show_previews: true}: a row each in
 * {@code share_link_previews}.
 */
@Component
class LinkPreviews {

	private final JdbcClient jdbc;

	LinkPreviews(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void set(UUID linkId, boolean on) {
		jdbc.sql("DELETE FROM share_link_previews WHERE link_id = ?").param(linkId.toString()).update();
		if (on) {
			jdbc.sql("INSERT INTO share_link_previews (link_id) VALUES (?)").param(linkId.toString()).update();
		}
	}

	boolean shown(UUID linkId) {
		return jdbc.sql("SELECT COUNT(*) FROM share_link_previews WHERE link_id = ?")
			.param(linkId.toString())
			.query(Integer.class)
			.single() > 0;
	}

}
