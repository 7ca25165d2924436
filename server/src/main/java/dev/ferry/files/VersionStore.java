package dev.ferry.files;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.files.VersionRepository.Content;
import dev.ferry.files.VersionRepository.Current;
import dev.ferry.files.VersionRepository.Target;
import dev.ferry.files.VersionRepository.Version;
import dev.ferry.storage.BlobStorage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Keeps a file's versions: new content at a file's path becomes its next version and the
 * content it replaces an older version with its own blob; beyond the number to keep the
 * oldest are crypto-shredded. A blob reference is given up in the transaction that
 * deletes the row holding it, so a crash leaves no readable orphan and no reference is
 * given up twice.
 */
@Component
class VersionStore {

	private static final Logger log = LoggerFactory.getLogger(VersionStore.class);

	private final VersionRepository versions;

	private final BlobStorage storage;

	private final AuditLog audit;

	private final FilesProperties properties;

	private final TransactionOperations transactions;

	private final TagRepository tags;

	private final ApplicationEventPublisher events;

	VersionStore(VersionRepository versions, BlobStorage storage, AuditLog audit, FilesProperties properties,
			TransactionOperations transactions, TagRepository tags, ApplicationEventPublisher events) {
		this.events = events;
		this.tags = tags;
		this.transactions = transactions;
		this.versions = versions;
		this.storage = storage;
		this.audit = audit;
		this.properties = properties;
	}

	/** The number of the file's current version. */
	int currentVersion(UUID fileId) {
		return versions.current(fileId).version();
	}

	/**
	 * Makes {@code content} the file's new version, inside the caller's transaction.
	 * Throws 409 when another arrival changed the file meanwhile. {@code uploadedBy}: the
	 * account whose upload (or restore) it is.
	 */
	FileRecord supersede(FileRecord file, Content content, FileRecord.Scan scan, Instant now, UUID uploadedBy) {
		Current current = versions.current(file.id());
		if (!versions.point(file.id(), current.version(), file.blobId(),
				new Target(current.version() + 1, content, scan, now, uploadedBy), now)) {
			throw VersionProblems.changedMeanwhile(file.path());
		}
		versions.insert(new Version(UUID.randomUUID(), file.id(), file.ownerId(), current.version(), Content.of(file),
				file.scan(), current.at(), now, current.uploadedBy()));
		audit.record(AuditEvent.success("file.version.created")
			.object("file", file.id())
			.detail("path", file.path())
			.detail("version", current.version() + 1)
			.detail("size", content.size()));
		events.publishEvent(new FileContentChanged(file.id(), file.ownerId()));
		return new FileRecord(file.id(), file.ownerId(), file.folder(), file.name(), content.contentType(),
				content.declaredType(), content.size(), content.sha256(), content.blobId(), file.createdAt(), now, scan,
				file.allowedIps());
	}

	/**
	 * Makes a copy ({@code blob}) of older version {@code from} the file's new version,
	 * audited as restored; the caller then {@link #prune}s what it pushes beyond the
	 * number kept.
	 */
	FileRecord restore(FileRecord file, Version from, UUID blob, Instant now, UUID restoredBy) {
		Content copy = new Content(blob, from.content().contentType(), from.content().declaredType(),
				from.content().size(), from.content().sha256());
		return transactions.execute((status) -> {
			FileRecord next = supersede(file, copy, from.scan(), now, restoredBy);
			audit.record(AuditEvent.success("file.version.restored")
				.object("file", file.id())
				.detail("path", file.path())
				.detail("from_version", from.version()));
			return next;
		});
	}

	/**
	 * Shreds the oldest versions beyond what the owner keeps (the current one counts),
	 * except those a share link pinned: they stay (and count against the quota) until the
	 * link's transfer ends. Runs after the new version committed, so a rollback never
	 * meets a destroyed blob; a failure here (the database gone for a moment) leaves the
	 * extra versions to the next arrival and never turns the committed arrival into an
	 * error, whose handler would destroy the blob the file now points to.
	 */
	void prune(UUID fileId, UUID ownerId) {
		try {
			pruneNow(fileId, ownerId);
		}
		catch (RuntimeException ex) {
			log.warn("Older versions of file {} stay until its next version: {}", fileId, ex.toString());
		}
	}

	private void pruneNow(UUID fileId, UUID ownerId) {
		int keep = Math.max(1, versions.keep(ownerId).orElse(properties.versions().keep()));
		List<Version> older = versions.older(fileId);
		Set<Integer> pinned = versions.pinned(fileId);
		for (Version version : older.subList(Math.min(older.size(), keep - 1), older.size())) {
			if (pinned.contains(version.version())) {
				continue;
			}
			drop(version, "kept_versions");
		}
	}

	/**
	 * Shreds one older version, row and blob together, audited as
	 * {@code file.version.pruned} with {@code reason}; false if it was already gone or a
	 * share link pinned it since the caller looked.
	 */
	boolean drop(Version version, String reason) {
		if (!dropRow(version, true)) {
			return false;
		}
		audit.record(AuditEvent.success("file.version.pruned")
			.object("file", version.fileId())
			.detail("version", version.version())
			.detail("size", version.content().size())
			.detail("reason", reason));
		return true;
	}

	/**
	 * The file as it was at version {@code number}, to serve like the file itself (its
	 * own ETag, type and scan state); empty when there is no such version (or it was
	 * pruned).
	 */
	Optional<FileRecord> asOf(FileRecord file, int number) {
		if (versions.current(file.id()).version() == number) {
			return Optional.of(file);
		}
		return versions.find(file.id(), number).map((version) -> asOf(file, version));
	}

	static FileRecord asOf(FileRecord file, Version version) {
		return new FileRecord(file.id(), file.ownerId(), file.folder(), file.name(), version.content().contentType(),
				version.content().declaredType(), version.content().size(), version.content().sha256(),
				version.content().blobId(), version.createdAt(), version.createdAt(), version.scan(),
				file.allowedIps());
	}

	/** Pins version {@code number} for {@code holder}; false when it does not exist. */
	boolean pin(UUID holder, FileRecord file, int number) {
		if (asOf(file, number).isEmpty()) {
			return false;
		}
		versions.pin(holder, file.id(), file.ownerId(), number);
		return true;
	}

	/** Whether a holder (a live transfer) pinned any version of the file. */
	boolean pinned(UUID fileId) {
		return !versions.pinned(fileId).isEmpty();
	}

	void unpin(UUID holder) {
		versions.unpin(holder);
	}

	void unpinOwner(UUID ownerId) {
		versions.unpinOwner(ownerId);
	}

	/**
	 * Deletes a file for good, all in one transaction: first its own row through
	 * {@code claim} (in the files or in the trash), then its older versions, its tags,
	 * every blob reference and {@code audited}. A blob reference goes only with the row
	 * that held it: of two requests deleting the same file, only the one whose claim
	 * deletes the row gives it up, since with deduplication another file may share the
	 * blob. A crash keeps all of it or none; the blobs' bytes are purged after the
	 * commit. False, and nothing touched, when another request deleted, restored or
	 * replaced the file first (a restore from the trash keeps its history).
	 */
	boolean shred(UUID fileId, UUID blobId, BooleanSupplier claim, AuditEvent audited) {
		return Boolean.TRUE.equals(transactions.execute((status) -> {
			if (!claim.getAsBoolean()) {
				return false;
			}
			shredOlder(fileId);
			tags.clear(fileId);
			storage.destroy(blobId);
			audit.record(audited);
			return true;
		}));
	}

	/**
	 * The file's content was replaced in place by an age file, its plaintext to be gone:
	 * destroys the older versions, each row with its blob reference, and tells whatever
	 * was derived from the plaintext.
	 */
	void replacedByCiphertext(FileRecord file) {
		shredOlder(file.id());
		events.publishEvent(new FileContentChanged(file.id(), file.ownerId()));
	}

	/** Destroys the file's older versions, each row with its blob reference. */
	private void shredOlder(UUID fileId) {
		for (Version version : versions.older(fileId)) {
			dropRow(version, false);
		}
	}

	/**
	 * Deletes the version's row (unless pinned, when {@code unpinnedOnly}) and, if this
	 * call deleted it, gives up its blob.
	 */
	private boolean dropRow(Version version, boolean unpinnedOnly) {
		return Boolean.TRUE.equals(transactions.execute((status) -> {
			if (!(unpinnedOnly ? versions.deleteUnpinned(version) : versions.delete(version.id()))) {
				return false;
			}
			storage.destroy(version.content().blobId());
			return true;
		}));
	}

	/**
	 * Undoes the arrival that made {@code file} what it is: the version before comes back
	 * and the arrival's blob is destroyed. False when there is none (a new file).
	 */
	boolean revert(FileRecord file) {
		Current current = versions.current(file.id());
		Version previous = versions.find(file.id(), current.version() - 1).orElse(null);
		if (previous == null) {
			return false;
		}
		Target target = new Target(previous.version(), previous.content(), previous.scan(), previous.createdAt(),
				previous.uploadedBy());
		transactions.executeWithoutResult((status) -> {
			if (!versions.point(file.id(), current.version(), file.blobId(), target, Instant.now())) {
				throw VersionProblems.changedMeanwhile(file.path());
			}
			versions.delete(previous.id());
			storage.destroy(file.blobId());
		});
		return true;
	}

}
