package dev.ferry.files;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.AccessPolicy;
import dev.ferry.auth.CurrentUser;
import dev.ferry.auth.Scope;
import dev.ferry.files.TrashRepository.Trashed;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Deleting through the trash: a deleted file's row moves aside whole (blob and versions
 * untouched, still counted in the quota) for {@code FERRY_TRASH_DAYS}; the owner can list
 * it, restore it to its path (a free numbered name when that is taken now), remove it or
 * empty the trash. Only the owner's own trash is ever touched.
 */
@Service
class TrashService {

	private static final int MAX_NUMBERED_NAMES = 1000;

	private final FileService files;

	private final TrashRepository trash;

	private final TrashShredder shredder;

	private final AuditLog audit;

	private final TransactionOperations transactions;

	private final AccessPolicy access;

	private final FilesProperties properties;

	TrashService(FileService files, TrashRepository trash, TrashShredder shredder, AuditLog audit,
			TransactionOperations transactions, AccessPolicy access, FilesProperties properties) {
		this.files = files;
		this.trash = trash;
		this.shredder = shredder;
		this.audit = audit;
		this.transactions = transactions;
		this.access = access;
		this.properties = properties;
	}

	/**
	 * Moves the file into the trash, or shreds it at once when {@code permanent} or when
	 * the trash is off ({@code FERRY_TRASH_DAYS=0}).
	 */
	void delete(CurrentUser owner, String id, boolean permanent) {
		if (permanent || properties.trash().days() <= 0) {
			files.delete(owner, id);
			return;
		}
		access.requireScope(owner, Scope.WRITE, "file.deleted");
		FileRecord file = files.find(owner, id, "file.deleted");
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		transactions.executeWithoutResult((status) -> {
			if (!trash.moveIn(file.id(), owner.userId(), now)) {
				throw FileException.notFound();
			}
			audit.record(AuditEvent.success("file.deleted")
				.object("file", file.id())
				.detail("path", file.path())
				.detail("size", file.size())
				.detail("trash", true));
		});
	}

	List<TrashView> list(CurrentUser owner, String after, int limit) {
		access.requireScope(owner, Scope.READ, "trash.listed");
		Trashed from = (after != null && !after.isEmpty()) ? cursor(owner, after) : null;
		List<TrashView> items = trash.list(owner.userId(), from, limit).stream().map(this::view).toList();
		audit.record(AuditEvent.success("trash.listed").detail("count", items.size()));
		return items;
	}

	/** Back to where it was, or to the first free "name (n)" there. */
	FileRecord restore(CurrentUser owner, String id) {
		access.requireScope(owner, Scope.WRITE, "file.restored");
		Trashed file = own(owner, id, "file.restored");
		transactions.executeWithoutResult((status) -> {
			for (int n = 0; n <= MAX_NUMBERED_NAMES; n++) {
				String candidate = NumberedNames.numbered(file.name(), n);
				if (trash.moveOut(file.id(), owner.userId(), file.folder(), candidate)) {
					audit.record(AuditEvent.success("file.restored")
						.object("file", file.id())
						.detail("path", FilePaths.join(file.folder(), candidate)));
					return;
				}
			}
			throw FileException.pathTaken(file.path());
		});
		return files.find(owner, file.id().toString(), "file.restored");
	}

	void remove(CurrentUser owner, String id) {
		access.requireScope(owner, Scope.WRITE, "file.purged");
		shredder.shred(own(owner, id, "file.purged"), "trash_emptied", null);
	}

	int empty(CurrentUser owner) {
		access.requireScope(owner, Scope.WRITE, "trash.emptied");
		int count = shredder.empty(owner.userId(), "trash_emptied");
		audit.record(AuditEvent.success("trash.emptied").detail("count", count));
		return count;
	}

	/**
	 * The deleted file a cursor (a page's last id) names. A cursor that names none of the
	 * caller's deleted files is a bad query (400), like any other list's, not a missing
	 * file (404).
	 */
	private Trashed cursor(CurrentUser owner, String after) {
		Trashed file = null;
		try {
			file = (after.length() == 36) ? trash.find(UUID.fromString(after), owner.userId()).orElse(null) : null;
		}
		catch (IllegalArgumentException ex) {
			// not a UUID: no cursor this list hands out
		}
		if (file == null) {
			audit.record(AuditEvent.failure("trash.listed").detail("reason", "invalid_cursor"));
			throw FileException.invalidQuery("The cursor is not valid; use the next_cursor of a previous page.");
		}
		return file;
	}

	private Trashed own(CurrentUser owner, String id, String action) {
		Trashed file = null;
		try {
			file = (id != null && id.length() == 36) ? trash.find(UUID.fromString(id), owner.userId()).orElse(null)
					: null;
		}
		catch (IllegalArgumentException ex) {
			// a malformed id is as unknown as any other
		}
		if (file == null) {
			audit.record(AuditEvent.failure(action)
				.object("file", (id != null && id.length() <= 64) ? id : null)
				.detail("reason", "not_found"));
			throw FileException.notFound();
		}
		return file;
	}

	private TrashView view(Trashed file) {
		return new TrashView(file.id().toString(), file.name(), file.folder(), file.path(), file.contentType(),
				file.size(), file.sha256(), file.trashedAt().toString(),
				file.trashedAt().plus(Duration.ofDays(properties.trash().days())).toString());
	}

	/** A trashed file as the API shows it; {@code purgeAt} is when it goes for good. */
	record TrashView(String id, String name, String folder, String path, String contentType, long size, String sha256,
			String trashedAt, String purgeAt) {
	}

}
