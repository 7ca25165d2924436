package dev.ferry.share.request;

import dev.ferry.auth.UserDeletionStarted;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Deletes the upload requests (and their arrivals' records) of an erased account, inside
 * the erasing transaction; the foreign key to users would otherwise refuse the erasure.
 */
@Component
class UploadRequestAccountCleanup {

	private final JdbcClient jdbc;

	UploadRequestAccountCleanup(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@EventListener
	void on(UserDeletionStarted event) {
		jdbc.sql("DELETE FROM upload_requests WHERE owner_id = ?").param(event.userId().toString()).update();
	}

}
