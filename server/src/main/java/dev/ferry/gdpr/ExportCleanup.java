package dev.ferry.gdpr;

import dev.ferry.auth.UserDeletionStarted;
import dev.ferry.storage.BlobStorage;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Crypto-shreds an erased account's exports inside the erasing transaction; their rows go
 * with the account (foreign key cascade).
 */
@Component
class ExportCleanup {

	private final ExportRepository exports;

	private final BlobStorage storage;

	ExportCleanup(ExportRepository exports, BlobStorage storage) {
		this.exports = exports;
		this.storage = storage;
	}

	@EventListener
	void on(UserDeletionStarted event) {
		for (ExportRequest export : exports.ofUser(event.userId())) {
			if (export.blobId() != null) {
				storage.destroy(export.blobId());
			}
		}
	}

}
