package dev.ferry.files;

import java.io.InputStream;
import java.util.Optional;
import java.util.UUID;

import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.files.FileCatalog.StoredFile;
import dev.ferry.storage.BlobStorage;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * {@link FileContent} over the files table, the blob store and {@link RangeResponder}.
 */
@Service
class FileContentService implements FileContent {

	private final FileRepository files;

	private final BlobStorage storage;

	private final RangeResponder responder;

	private final AuditLog audit;

	private final TransactionOperations transactions;

	private final FileAvailability availability;

	private final VersionStore versions;

	FileContentService(FileRepository files, BlobStorage storage, RangeResponder responder, AuditLog audit,
			TransactionOperations transactions, FileAvailability availability, VersionStore versions) {
		this.versions = versions;
		this.availability = availability;
		this.files = files;
		this.storage = storage;
		this.responder = responder;
		this.audit = audit;
		this.transactions = transactions;
	}

	@Override
	public Optional<StoredFile> find(UUID ownerId, UUID fileId) {
		return files.findOwned(fileId, ownerId).map(FileRecord::stored);
	}

	@Override
	public void requireServable(UUID ownerId, UUID fileId) {
		FileRecord file = files.findOwned(fileId, ownerId).orElseThrow(FileException::notFound);
		availability.require(file, false, "file.download");
	}

	@Override
	public InputStream open(UUID ownerId, UUID fileId) {
		FileRecord file = files.findOwned(fileId, ownerId).orElseThrow(FileException::notFound);
		availability.require(file, false, "file.download");
		return storage.openRange(file.blobId(), 0, file.size());
	}

	@Override
	public void serve(UUID ownerId, UUID fileId, HttpServletRequest request, HttpServletResponse response,
			DownloadHooks hooks) {
		FileRecord file = files.findOwned(fileId, ownerId).orElseThrow(FileException::notFound);
		responder.respond(file, "share", request, response, hooks);
	}

	/** Shreds first, like an owner's delete, so a crash leaves no readable orphan. */
	@Override
	public boolean purge(UUID ownerId, UUID fileId, String reason) {
		Optional<FileRecord> found = files.findOwned(fileId, ownerId);
		if (found.isEmpty()) {
			return false;
		}
		FileRecord file = found.get();
		versions.shred(file);
		transactions.executeWithoutResult((status) -> {
			files.delete(file.id(), ownerId);
			audit.record(AuditEvent.success("file.purged")
				.object("file", file.id())
				.detail("path", file.path())
				.detail("size", file.size())
				.detail("reason", reason));
		});
		return true;
	}

}
