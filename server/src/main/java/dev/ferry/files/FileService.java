package dev.ferry.files;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

import dev.ferry.Ids;
import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.AccessPolicy;
import dev.ferry.auth.CurrentUser;
import dev.ferry.auth.Role;
import dev.ferry.auth.Scope;
import dev.ferry.files.FileContent.DownloadHooks;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Files and their metadata. Every method takes the caller and only ever touches the
 * caller's own files: another user's id looks exactly like an unknown one (404).
 */
@Service
class FileService implements FileCatalog {

	private static final int MAX_NUMBERED_NAMES = 1000;

	private final FileRepository files;

	private final VersionStore versions;

	private final Arrivals arrivals;

	private final Quotas quotas;

	private final AuditLog audit;

	private final TransactionOperations transactions;

	private final AccessPolicy access;

	FileService(FileRepository files, VersionStore versions, Arrivals arrivals, Quotas quotas, AuditLog audit,
			TransactionOperations transactions, AccessPolicy access) {
		this.access = access;
		this.files = files;
		this.versions = versions;
		this.arrivals = arrivals;
		this.quotas = quotas;
		this.audit = audit;
		this.transactions = transactions;
	}

	@Override
	public Placement checkPlacement(CurrentUser owner, String folder, String name) {
		access.requireScope(owner, Scope.WRITE, "file.created");
		return new Placement(FilePaths.folder(folder), FilePaths.name(name));
	}

	/** Same as {@link #checkPlacement} for a whole path such as {@code /docs/a.pdf}. */
	Placement checkPath(CurrentUser owner, String path) {
		access.requireScope(owner, Scope.WRITE, "file.created");
		return FilePaths.split(path);
	}

	@Override
	public long remainingQuota(CurrentUser owner) {
		return quotas.remaining(owner);
	}

	@Override
	public QuotaReservation reserveQuota(CurrentUser owner, UUID id, long bytes, Instant until) {
		QuotaLedger.Grant grant = quotas.reserve(owner, id, bytes, bytes, until);
		return new QuotaReservation(grant.granted(), grant.room());
	}

	@Override
	public void extendQuota(UUID id, Instant until) {
		quotas.extend(id, until);
	}

	@Override
	public void releaseQuota(UUID id) {
		quotas.release(id);
	}

	@Override
	public OptionalLong quotaLimit(Role role, Long ownQuotaBytes) {
		long limit = quotas.limit(role, ownQuotaBytes);
		return (limit == Quotas.UNLIMITED) ? OptionalLong.empty() : OptionalLong.of(limit);
	}

	@Override
	public String contentType(UUID blobId, long size) {
		return arrivals.contentType(blobId, size);
	}

	@Override
	public StoredFile add(CurrentUser owner, NewFile file) {
		return register(owner, file, true).stored();
	}

	/**
	 * Inserts the file under its name or, when that is taken, makes it the next version
	 * of the file there ({@link Conflict#VERSION}) or takes the first free "name (n)";
	 * refuses it when it no longer fits the quota (the caller then destroys the blob). A
	 * quota reservation with the file's id becomes the file's size in the same
	 * transaction. The type is detected before the transaction, which on SQLite holds the
	 * write lock; versions beyond the number kept go once the new one committed
	 * ({@code pruneNow}), or when the caller says ({@link #pruneVersions}).
	 */
	FileRecord register(CurrentUser owner, NewFile file, boolean pruneNow) {
		Placement placement = checkPlacement(owner, file.placement().folder(), file.placement().name());
		long room = quotas.remaining(owner, file.id());
		if (file.size() > room) {
			throw FileException.quotaExceeded(room);
		}
		arrivals.checkPolicy(owner, placement.name(), file.size(), file.blobId());
		String declared = ContentTypes.clean(file.declaredType());
		String type = arrivals.detectType(file.blobId(), file.size(), placement.name(), declared);
		FileRecord.Scan scan = arrivals.initialScan();
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		Optional<String> contentKey = arrivals.contentKey(owner, file.sha256());
		FileRecord stored = transactions.execute((status) -> {
			UUID blobId = contentKey.map((key) -> arrivals.deduplicate(file.blobId(), key)).orElse(file.blobId());
			if (file.onConflict() == Conflict.VERSION) {
				FileRecord existing = files.findByPath(owner.userId(), placement.folder(), placement.name())
					.orElse(null);
				if (existing != null) {
					quotas.release(file.id());
					return versions.supersede(existing,
							new VersionRepository.Content(blobId, type, declared, file.size(), file.sha256()), scan,
							now, owner.userId());
				}
			}
			for (int n = 0; n <= MAX_NUMBERED_NAMES; n++) {
				FileRecord candidate = new FileRecord(file.id(), owner.userId(), placement.folder(),
						NumberedNames.numbered(placement.name(), n), type, declared, file.size(), file.sha256(), blobId,
						now, now, scan);
				if (files.insertIfFree(candidate)) {
					quotas.release(file.id());
					audit.record(AuditEvent.success("file.created")
						.object("file", candidate.id())
						.detail("path", candidate.path())
						.detail("size", candidate.size())
						.detail("content_type", type)
						.detail("scan_status", scan.status().value()));
					return candidate;
				}
			}
			throw FileException.pathTaken(FilePaths.join(placement.folder(), placement.name()));
		});
		if (pruneNow && !stored.id().equals(file.id())) {
			versions.prune(stored.id(), stored.ownerId());
		}
		return stored;
	}

	/** The pruning {@link #register} left out when told {@code pruneNow} false. */
	void pruneVersions(List<FileRecord> arrived) {
		arrived.forEach((file) -> versions.prune(file.id(), file.ownerId()));
	}

	/** The caller's file, or 404 for unknown, malformed and other users' ids alike. */
	FileRecord get(CurrentUser owner, String id) {
		access.requireScope(owner, Scope.READ, "file.read");
		FileRecord file = find(owner, id, "file.read");
		audit.record(AuditEvent.success("file.read").object("file", file.id()));
		return file;
	}

	FilePage list(CurrentUser owner, FileQuery query) {
		access.requireScope(owner, Scope.READ, "file.listed");
		List<FileRecord> rows = files.search(owner.userId(), query);
		boolean more = rows.size() > query.limit();
		List<FileRecord> page = more ? rows.subList(0, query.limit()) : rows;
		String next = more ? FileCursor.after(query.sort(), query.descending(), page.get(page.size() - 1)).encode()
				: null;
		audit.record(AuditEvent.success("file.listed").detail("count", page.size()));
		return new FilePage(page, next);
	}

	FileRecord move(CurrentUser owner, String id, String newFolder, String newName) {
		access.requireScope(owner, Scope.WRITE, "file.moved");
		FileRecord file = find(owner, id, "file.moved");
		String folder = (newFolder != null) ? FilePaths.folder(newFolder) : file.folder();
		String name = (newName != null) ? FilePaths.name(newName) : file.name();
		if (folder.equals(file.folder()) && name.equals(file.name())) {
			return file;
		}
		String action = folder.equals(file.folder()) ? "file.renamed" : "file.moved";
		String target = FilePaths.join(folder, name);
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		Boolean moved = moveInTransaction(file, folder, name, now, action);
		if (!Boolean.TRUE.equals(moved)) {
			audit.record(AuditEvent.failure(action)
				.object("file", file.id())
				.detail("from", file.path())
				.detail("to", target)
				.detail("reason", (moved == null) ? "not_found" : "path_taken"));
			throw (moved == null) ? FileException.notFound() : FileException.pathTaken(target);
		}
		return new FileRecord(file.id(), file.ownerId(), folder, name, file.contentType(), file.declaredType(),
				file.size(), file.sha256(), file.blobId(), file.createdAt(), now, file.scan(), file.allowedIps(),
				file.piiFlags());
	}

	/**
	 * True when moved, false when the path is taken, null when the file went (trashed or
	 * deleted meanwhile). The taken-path check comes first because on PostgreSQL a failed
	 * UPDATE poisons the transaction; the constraint still catches the rare concurrent
	 * race.
	 */
	private Boolean moveInTransaction(FileRecord file, String folder, String name, Instant now, String action) {
		try {
			return transactions.execute((status) -> {
				if (files.exists(file.ownerId(), folder, name)) {
					return false;
				}
				if (!files.move(file.id(), file.ownerId(), folder, name, now)) {
					return null;
				}
				audit.record(AuditEvent.success(action)
					.object("file", file.id())
					.detail("from", file.path())
					.detail("to", FilePaths.join(folder, name)));
				return true;
			});
		}
		catch (DataIntegrityViolationException ex) {
			return false;
		}
	}

	/**
	 * Crypto-shreds the file with its row, claimed only while it holds the content read
	 * here: a version committed meanwhile is read again, a file deleted meanwhile is 404.
	 */
	void delete(CurrentUser owner, String id) {
		access.requireScope(owner, Scope.WRITE, "file.deleted");
		for (int attempt = 0; attempt < 3; attempt++) {
			FileRecord file = find(owner, id, "file.deleted");
			AuditEvent deleted = AuditEvent.success("file.deleted")
				.object("file", file.id())
				.detail("path", file.path())
				.detail("size", file.size());
			if (versions.shred(file.id(), file.blobId(), () -> files.delete(file.id(), owner.userId(), file.blobId()),
					deleted)) {
				return;
			}
		}
		throw VersionProblems.changedMeanwhile(find(owner, id, "file.deleted").path());
	}

	/**
	 * Takes back what an upload stored that a later step failed: its version, or the
	 * whole file when it was new.
	 */
	void undoArrival(CurrentUser owner, FileRecord file) {
		if (!versions.revert(file)) {
			delete(owner, file.id().toString());
		}
	}

	/**
	 * The file to download; the caller audits the outcome with {@link #auditedDownload}.
	 */
	FileRecord forDownload(CurrentUser owner, String id) {
		access.requireScope(owner, Scope.READ, "file.download");
		return find(owner, id, "file.download");
	}

	/** Hooks that audit what a download of {@code file} answered. */
	DownloadHooks auditedDownload(FileRecord file) {
		return new AuditedDownload(audit, file.id(), null);
	}

	FileRecord find(CurrentUser owner, String id, String action) {
		UUID uuid = Ids.parse(id);
		FileRecord file = (uuid != null) ? files.findOwned(uuid, owner.userId()).orElse(null) : null;
		if (file == null) {
			audit.record(AuditEvent.failure(action).object("file", truncate(id)).detail("reason", "not_found"));
			throw FileException.notFound();
		}
		return file;
	}

	private static String truncate(String id) {
		return (id == null || id.length() <= 64) ? id : id.substring(0, 64);
	}

	record FilePage(List<FileRecord> items, String nextCursor) {
	}

}
