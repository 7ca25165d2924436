package dev.ferry.files;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

import dev.ferry.audit.AuditEvent;
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

	private final FileAvailability availability;

	private final VersionStore versions;

	private final TransactionOperations transactions;

	FileContentService(FileRepository files, BlobStorage storage, RangeResponder responder,
			FileAvailability availability, VersionStore versions, TransactionOperations transactions) {
		this.transactions = transactions;
		this.versions = versions;
		this.availability = availability;
		this.files = files;
		this.storage = storage;
		this.responder = responder;
	}

	@Override
	public Optional<StoredFile> find(UUID ownerId, UUID fileId, Integer version) {
		return at(ownerId, fileId, version).map(FileRecord::stored);
	}

	@Override
	public OptionalInt currentVersion(UUID ownerId, UUID fileId) {
		return files.findOwned(fileId, ownerId)
			.map((file) -> OptionalInt.of(versions.currentVersion(file.id())))
			.orElse(OptionalInt.empty());
	}

	@Override
	public void requireServable(UUID ownerId, UUID fileId, Integer version) {
		availability.require(existing(ownerId, fileId, version), false, "file.download");
	}

	@Override
	public InputStream open(UUID ownerId, UUID fileId, Integer version) {
		FileRecord file = existing(ownerId, fileId, version);
		availability.require(file, false, "file.download");
		return storage.openRange(file.blobId(), 0, file.size());
	}

	@Override
	public byte[] head(UUID ownerId, UUID fileId, Integer version, int length) {
		FileRecord file = existing(ownerId, fileId, version);
		try (InputStream in = storage.openRange(file.blobId(), 0, Math.min(length, file.size()))) {
			return in.readNBytes(length);
		}
		catch (IOException ex) {
			throw FileContent.unreadable(ex);
		}
	}

	@Override
	public void serve(UUID ownerId, UUID fileId, Integer version, HttpServletRequest request,
			HttpServletResponse response, DownloadHooks hooks) {
		responder.respond(existing(ownerId, fileId, version), "share", request, response, hooks);
	}

	@Override
	public boolean pin(UUID holder, UUID ownerId, UUID fileId, int version) {
		return files.findOwned(fileId, ownerId).map((file) -> versions.pin(holder, file, version)).orElse(false);
	}

	@Override
	public void unpin(UUID holder) {
		versions.unpin(holder);
	}

	private Optional<FileRecord> at(UUID ownerId, UUID fileId, Integer version) {
		Optional<FileRecord> file = files.findOwned(fileId, ownerId);
		return (version == null) ? file : file.flatMap((f) -> versions.asOf(f, version));
	}

	private FileRecord existing(UUID ownerId, UUID fileId, Integer version) {
		return at(ownerId, fileId, version).orElseThrow(FileException::notFound);
	}

	@Override
	public boolean lock(UUID ownerId, UUID fileId) {
		return files.lock(fileId, ownerId, null);
	}

	/** Shreds the file with its row, like an owner's delete. */
	@Override
	public boolean purge(UUID ownerId, UUID fileId, String reason) {
		return files.findOwned(fileId, ownerId).map((file) -> shred(file, reason)).orElse(false);
	}

	@Override
	public boolean purgeContent(UUID ownerId, UUID fileId, UUID blobId, String reason) {
		return Boolean.TRUE
			.equals(transactions.execute((status) -> files.lock(fileId, ownerId, blobId) && !versions.pinned(fileId)
					&& files.findOwned(fileId, ownerId).map((file) -> shred(file, reason)).orElse(false)));
	}

	private boolean shred(FileRecord file, String reason) {
		return versions.shred(file.id(), file.blobId(), () -> files.delete(file.id(), file.ownerId(), file.blobId()),
				AuditEvent.success("file.purged")
					.object("file", file.id())
					.detail("path", file.path())
					.detail("size", file.size())
					.detail("reason", reason));
	}

}
