package dev.ferry.files;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.CurrentUser;
import dev.ferry.files.ZipSetRepository.ZipSet;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Download-as-ZIP for browsers. The ids of a ZIP are a POST body, which a download ticket
 * cannot carry, so the browser first registers them as a set (checked as the ZIP would
 * be) and then navigates to the set's download with a ticket: the browser's download
 * manager streams the archive to disk, never the page's memory. A set belongs to one
 * account and lives {@link #LIFETIME}; its files are checked again when it is downloaded,
 * since one may have been deleted or quarantined in between.
 */
@Service
class ZipSets {

	/**
	 * Long enough to ask for a ticket and start the download, short enough to leave
	 * nothing about.
	 */
	static final Duration LIFETIME = Duration.ofMinutes(5);

	private final ZipSetRepository sets;

	private final BulkZip zip;

	private final AuditLog audit;

	private final Clock clock;

	ZipSets(ZipSetRepository sets, BulkZip zip, AuditLog audit, Clock clock) {
		this.sets = sets;
		this.zip = zip;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Registers the caller's files; refused like the ZIP itself for any file not theirs.
	 */
	ZipSet register(CurrentUser owner, List<String> ids) {
		if (ids == null || ids.isEmpty() || ids.contains(null)) {
			throw BulkProblems.invalid("'ids' must list 1 to " + BulkZip.MAX_FILES + " file ids.");
		}
		List<UUID> fileIds = zip.check(owner, ids).stream().map(FileRecord::id).distinct().toList();
		if (fileIds.size() != ids.size()) {
			throw BulkProblems.invalid("'ids' names a file twice.");
		}
		Instant now = clock.instant();
		// Kept a while after expiry, so a late download hears "expired" rather than
		// "unknown".
		sets.deleteExpired(now.minus(Duration.ofHours(1)));
		ZipSet set = new ZipSet(UUID.randomUUID(), owner.userId(), fileIds, now, now.plus(LIFETIME));
		sets.insert(set);
		audit.record(AuditEvent.success("files.zip_set.created")
			.object("zip_set", set.id())
			.detail("count", fileIds.size())
			.detail("expires_at", set.expiresAt().toString()));
		return set;
	}

	/**
	 * The set's files, checked again; 404 for another account's or an unknown set, 410
	 * once expired.
	 */
	/**
	 * The set's files, checked again, for a download ({@code head}: only its headers,
	 * audited as such; the archive is not built).
	 */
	List<FileRecord> open(CurrentUser owner, String id, boolean head) {
		ZipSet set = find(owner, id);
		if (!clock.instant().isBefore(set.expiresAt())) {
			audit.record(AuditEvent.failure("files.zip_set.download")
				.object("zip_set", set.id())
				.detail("reason", "expired"));
			throw new FileException(HttpStatus.GONE, "zip-set-expired", "ZIP download expired",
					"This ZIP download expired; select the files and choose Download as ZIP again.");
		}
		List<FileRecord> files = zip.check(owner, set.fileIds().stream().map(UUID::toString).toList());
		audit.record(AuditEvent.success("files.zip_set.download")
			.object("zip_set", set.id())
			.detail("count", files.size())
			.detail("head", head ? Boolean.TRUE : null));
		return files;
	}

	void write(List<FileRecord> files, OutputStream out) throws IOException {
		zip.write(files, out);
	}

	private ZipSet find(CurrentUser owner, String id) {
		try {
			return sets.find(UUID.fromString(id), owner.userId()).orElseThrow(ZipSets::notFound);
		}
		catch (IllegalArgumentException ex) {
			throw notFound();
		}
	}

	private static FileException notFound() {
		return new FileException(HttpStatus.NOT_FOUND, "zip-set-not-found", "No such ZIP download",
				"There is no ZIP download with this id for this account.");
	}

}
