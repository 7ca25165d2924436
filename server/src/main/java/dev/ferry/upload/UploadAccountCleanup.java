package dev.ferry.upload;

import java.util.List;

import dev.ferry.auth.UserDeletionStarted;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Ends an erased account's unfinished uploads inside the erasing transaction: their bytes
 * are crypto-shredded with the rest of the account. The rows alone would go with the
 * account (the foreign key cascades), leaving blobs that still decrypt; and an upload
 * older than a day has had its blob claimed, so no later sweep would find it.
 */
@Component
class UploadAccountCleanup {

	private static final int BATCH = 500;

	private final UploadRepository uploads;

	private final UploadRemoval removal;

	UploadAccountCleanup(UploadRepository uploads, UploadRemoval removal) {
		this.uploads = uploads;
		this.removal = removal;
	}

	@EventListener
	void on(UserDeletionStarted event) {
		for (List<Upload> batch = uploads.unfinishedOwnedBy(event.userId(), BATCH); !batch.isEmpty(); batch = uploads
			.unfinishedOwnedBy(event.userId(), BATCH)) {
			batch.forEach(removal::discardUnfinished);
		}
	}

}
