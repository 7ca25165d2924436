package dev.ferry.files;

import java.util.List;

import dev.ferry.audit.AuditEvent;
import dev.ferry.auth.UserDeletionStarted;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Deletes a deleted account's files, crypto-shredding each blob, and its empty folders
 * (their names may be personal data), inside the transaction that deletes the account
 * (which the files' foreign key would otherwise refuse).
 */
@Component
class AccountCleanup {

	private static final int BATCH = 500;

	private final FileRepository files;

	private final VersionStore versions;

	private final FolderRepository folders;

	AccountCleanup(FileRepository files, VersionStore versions, FolderRepository folders) {
		this.folders = folders;
		this.files = files;
		this.versions = versions;
	}

	@EventListener
	void on(UserDeletionStarted event) {
		for (List<FileRecord> batch = files.someOwnedBy(event.userId(), BATCH); !batch.isEmpty(); batch = files
			.someOwnedBy(event.userId(), BATCH)) {
			for (FileRecord file : batch) {
				versions.shred(file.id(), file.blobId(), () -> files.delete(file.id(), file.ownerId(), file.blobId()),
						AuditEvent.success("file.deleted")
							.object("file", file.id())
							.detail("path", file.path())
							.detail("size", file.size())
							.detail("reason", "account_deleted"));
			}
		}
		folders.deleteOwnedBy(event.userId());
		versions.unpinOwner(event.userId());
	}

}
