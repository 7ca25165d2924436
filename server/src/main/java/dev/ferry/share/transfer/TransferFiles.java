package dev.ferry.share.transfer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import dev.ferry.Ids;
import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.CurrentUser;
import dev.ferry.files.FileCatalog.StoredFile;
import dev.ferry.files.FileContent;
import dev.ferry.share.ShareException;

import org.springframework.stereotype.Component;

/**
 * A transfer's files as the files module keeps them: only the sender's own (others' ids
 * are 404 like unknown ones), locked while a transfer's life changes, pinned to a
 * version, and listed with those deleted since marked unavailable.
 */
@Component
class TransferFiles {

	static final int MAX_FILES = 1000;

	private final FileContent files;

	private final AuditLog audit;

	TransferFiles(FileContent files, AuditLog audit) {
		this.files = files;
		this.audit = audit;
	}

	/** The caller's files named by {@code ids}, each once, in order; 400 or 404 else. */
	List<UUID> owned(CurrentUser user, List<String> ids) {
		if (ids == null || ids.isEmpty()) {
			throw ShareException.invalid("file_ids must name at least one of your files.");
		}
		if (ids.size() > MAX_FILES) {
			throw ShareException.invalid("A transfer holds at most " + MAX_FILES + " files.");
		}
		Set<UUID> unique = new LinkedHashSet<>();
		for (String id : ids) {
			UUID uuid = Ids.parse(id);
			if (uuid == null || files.find(user.userId(), uuid).isEmpty()) {
				throw notFound(id);
			}
			unique.add(uuid);
		}
		return List.copyOf(unique);
	}

	/** A file the transfer names is not (or no longer) the sender's: audited 404. */
	ShareException notFound(String id) {
		audit.record(AuditEvent.denied("transfer.created")
			.object("file", Owners.truncate(id))
			.detail("reason", "file_not_found"));
		return ShareException.notFound("file");
	}

	/**
	 * Locks the files' rows, as an ended transfer's purge does before it looks for live
	 * transfers (ShareSweeper), in a fixed order so two transactions sharing files cannot
	 * deadlock. The first that is gone, or null.
	 */
	UUID lockAll(UUID ownerId, List<UUID> fileIds) {
		UUID missing = null;
		for (UUID file : new TreeSet<>(fileIds)) {
			if (!files.lock(ownerId, file) && missing == null) {
				missing = file;
			}
		}
		return missing;
	}

	/** Pins the file's {@code version} for the transfer; false when it has none such. */
	boolean pin(UUID transferId, UUID ownerId, UUID fileId, int version) {
		return files.pin(transferId, ownerId, fileId, version);
	}

	void unpin(UUID transferId) {
		files.unpin(transferId);
	}

	/** The transfer's files; those deleted or purged since are marked unavailable. */
	List<TransferApi.FileView> views(UUID ownerId, List<TransferRepository.Entry> entries) {
		List<TransferApi.FileView> views = new ArrayList<>();
		for (TransferRepository.Entry entry : entries) {
			String id = entry.fileId().toString();
			StoredFile file = files.find(ownerId, entry.fileId(), entry.version()).orElse(null);
			views.add((file != null)
					? new TransferApi.FileView(id, file.name(), file.size(), file.contentType(), true, entry.version())
					: new TransferApi.FileView(id, null, 0, null, false, entry.version()));
		}
		return views;
	}

}
