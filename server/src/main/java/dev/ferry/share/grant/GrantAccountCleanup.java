package dev.ferry.share.grant;

import dev.ferry.auth.UserDeletionStarted;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Deletes the Grants an erased account made, inside the erasing transaction; the foreign
 * key to users would otherwise refuse the erasure.
 */
@Component
class GrantAccountCleanup {

	private final JdbcClient jdbc;

	GrantAccountCleanup(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@EventListener
	void on(UserDeletionStarted event) {
		jdbc.sql("DELETE FROM access_grants WHERE owner_id = ?").param(event.userId().toString()).update();
	}

}
