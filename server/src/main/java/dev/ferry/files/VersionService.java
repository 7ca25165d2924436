package dev.ferry.files;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.AccessPolicy;
import dev.ferry.auth.CurrentUser;
import dev.ferry.auth.Scope;
import dev.ferry.files.FileContent.DownloadHooks;
import dev.ferry.files.VersionRepository.Current;
import dev.ferry.files.VersionRepository.Version;

import org.springframework.stereotype.Service;

/**
 * The owner's view of a file's versions: the list, any version's content, and restoring
 * an older version as the newest (a copy, so history stays as it was). Other users' files
 * answer 404 like unknown ones.
 */
@Service
class VersionService {

	/** How long a restore's reservation lasts if the node dies while copying. */
	private static final Duration COPY_TIME = Duration.ofHours(6);

	private final FileService files;

	private final VersionRepository versions;

	private final VersionStore store;

	private final BlobCopy blobs;

	private final Quotas quotas;

	private final AuditLog audit;

	private final AccessPolicy access;

	VersionService(FileService files, VersionRepository versions, VersionStore store, BlobCopy blobs, Quotas quotas,
			AuditLog audit, AccessPolicy access) {
		this.files = files;
		this.versions = versions;
		this.store = store;
		this.blobs = blobs;
		this.quotas = quotas;
		this.audit = audit;
		this.access = access;
	}

	/** Newest first, the current version at the top. */
	List<Listed> list(CurrentUser owner, String id) {
		access.requireScope(owner, Scope.READ, "file.versions.listed");
		FileRecord file = files.find(owner, id, "file.versions.listed");
		Current current = versions.current(file.id());
		List<Listed> items = new ArrayList<>();
		items.add(new Listed(current.version(), true, file.contentType(), file.size(), file.sha256(),
				current.at().toString(), null, file.scan().status().value(), current.uploadedBy()));
		for (Version version : versions.older(file.id())) {
			items.add(Listed.of(version));
		}
		audit
			.record(AuditEvent.success("file.versions.listed").object("file", file.id()).detail("count", items.size()));
		return items;
	}

	/**
	 * The file as it was at {@code number}, to serve like the file itself (its own ETag,
	 * type and scan state); the caller audits the outcome with {@link #auditedDownload}.
	 */
	FileRecord forDownload(CurrentUser owner, String id, int number) {
		access.requireScope(owner, Scope.READ, "file.download");
		FileRecord file = files.find(owner, id, "file.download");
		if (versions.current(file.id()).version() == number) {
			return file;
		}
		return VersionStore.asOf(file, older(file, number, "file.download"));
	}

	/**
	 * Hooks that audit what a download of version {@code number} of {@code file}
	 * answered.
	 */
	DownloadHooks auditedDownload(FileRecord file, int number) {
		return new AuditedDownload(audit, file.id(), number);
	}

	/**
	 * Copies version {@code number} into a new blob and makes it the newest version. The
	 * copy counts against the quota like any new version.
	 */
	FileRecord restore(CurrentUser owner, String id, int number) {
		access.requireScope(owner, Scope.WRITE, "file.version.restored");
		FileRecord file = files.find(owner, id, "file.version.restored");
		Version version = older(file, number, "file.version.restored");
		// Reserved for the copy's time, so that a parallel restore or upload cannot take
		// the same room; the committed version counts from then on.
		UUID reservation = UUID.randomUUID();
		long size = version.content().size();
		QuotaLedger.Grant grant = quotas.reserve(owner, reservation, size, size, quotas.now().plus(COPY_TIME));
		if (!grant.granted()) {
			audit.record(AuditEvent.failure("file.version.restored")
				.object("file", file.id())
				.detail("from_version", number)
				.detail("reason", "quota_exceeded"));
			throw FileException.quotaExceeded(grant.room());
		}
		FileRecord restored;
		try {
			UUID blob = blobs.copy(version.content().blobId(), size);
			try {
				restored = store.restore(file, version, blob, Instant.now().truncatedTo(ChronoUnit.MILLIS),
						owner.userId());
			}
			catch (RuntimeException ex) {
				blobs.destroy(blob);
				throw ex;
			}
		}
		finally {
			quotas.release(reservation);
		}
		// After the release: while the pruned versions' blobs are shredded, the committed
		// copy must not count twice against a parallel upload's room.
		store.prune(file.id(), file.ownerId());
		return restored;
	}

	private Version older(FileRecord file, int number, String action) {
		return versions.find(file.id(), number).orElseThrow(() -> {
			audit.record(AuditEvent.failure(action)
				.object("file", file.id())
				.detail("version", number)
				.detail("reason", "version_not_found"));
			return VersionProblems.notFound();
		});
	}

	/**
	 * One version as listed; {@code replacedAt} is null for the current one,
	 * {@code uploadedBy} (an account id) where unknown.
	 */
	record Listed(int version, boolean current, String contentType, long size, String sha256, String createdAt,
			String replacedAt, String scanStatus, UUID uploadedBy) {

		static Listed of(Version version) {
			return new Listed(version.version(), false, version.content().contentType(), version.content().size(),
					version.content().sha256(), version.createdAt().toString(), version.replacedAt().toString(),
					version.scan().status().value(), version.uploadedBy());
		}

	}

}
