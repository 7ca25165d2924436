package dev.ferry.share.link;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Links created with {@code watermark: true}: a row each in
 * {@code share_link_watermarks}.
 */
@Component
class LinkWatermarks {

	private final JdbcClient jdbc;

	LinkWatermarks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void mark(UUID linkId) {
		jdbc.sql("INSERT INTO share_link_watermarks (link_id) VALUES (?)").param(linkId.toString()).update();
	}

	boolean marked(UUID linkId) {
		return jdbc.sql("SELECT COUNT(*) FROM share_link_watermarks WHERE link_id = ?")
			.param(linkId.toString())
			.query(Integer.class)
			.single() > 0;
	}

}
