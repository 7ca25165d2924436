package dev.ferry.share.transfer;

import dev.ferry.auth.UserDeletionStarted;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Deletes the transfers (their files, recipients, links and download log cascade) of an
 * erased account, inside the erasing transaction; the foreign key to users would
 * otherwise refuse the erasure.
 */
@Component
class TransferAccountCleanup {

	private final JdbcClient jdbc;

	TransferAccountCleanup(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@EventListener
	void on(UserDeletionStarted event) {
		jdbc.sql("DELETE FROM transfers WHERE owner_id = ?").param(event.userId().toString()).update();
	}

}
