package dev.ferry.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;

import dev.ferry.ZipArchiveStream;
import dev.ferry.ZipNames;
import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.AccessPolicy;
import dev.ferry.auth.CurrentUser;
import dev.ferry.auth.Scope;
import dev.ferry.storage.BlobStorage;

import org.springframework.stereotype.Component;

/**
 * The owner's files as one ZIP, streamed from the encrypted store entry by entry (never
 * buffered whole). Every file is found and checked (malware, network rules) before the
 * first byte, since a problem cannot be answered once the body started; names repeated
 * across folders get a number, so no entry overwrites another.
 */
@Component
class BulkZip {

	static final int MAX_FILES = 1000;

	private final FileService files;

	private final BlobStorage storage;

	private final FileAvailability availability;

	private final AuditLog audit;

	private final AccessPolicy access;

	BulkZip(FileService files, BlobStorage storage, FileAvailability availability, AuditLog audit,
			AccessPolicy access) {
		this.files = files;
		this.storage = storage;
		this.availability = availability;
		this.audit = audit;
		this.access = access;
	}

	/** The files, checked; throws the problem the first refused one answers. */
	List<FileRecord> check(CurrentUser owner, List<String> ids) {
		access.requireScope(owner, Scope.READ, "file.download");
		if (ids.size() > MAX_FILES) {
			throw BulkProblems.invalid("A ZIP holds at most " + MAX_FILES + " files.");
		}
		List<FileRecord> found = new ArrayList<>();
		for (String id : ids) {
			FileRecord file = files.find(owner, id, "file.download");
			availability.require(file, true, "file.download");
			found.add(file);
		}
		return found;
	}

	/**
	 * Streams the archive. A file whose bytes stop coming (the client left, the file was
	 * deleted meanwhile) is audited as a failed download, and the archive ends there.
	 */
	void write(List<FileRecord> found, OutputStream out) throws IOException {
		Set<String> taken = new HashSet<>();
		ZipArchiveStream zip = new ZipArchiveStream(out, StandardCharsets.UTF_8);
		long bytes = 0;
		try {
			for (FileRecord file : found) {
				try (InputStream in = storage.openRange(file.blobId(), 0, file.size())) {
					zip.putNextEntry(new ZipEntry(unique(ZipNames.portable(file.name()), taken)));
					bytes += in.transferTo(zip);
					zip.closeEntry();
				}
				catch (IOException | RuntimeException ex) {
					audit.record(AuditEvent.failure("file.download")
						.object("file", file.id())
						.detail("range", "zip")
						.detail("completed", false));
					throw ex;
				}
				audit.record(AuditEvent.success("file.download")
					.object("file", file.id())
					.detail("range", "zip")
					.detail("bytes", file.size())
					.detail("completed", true));
			}
			zip.finish();
			zip.flush();
		}
		finally {
			zip.release();
		}
		audit.record(AuditEvent.success("files.zipped").detail("count", found.size()).detail("bytes", bytes));
	}

	private static String unique(String name, Set<String> taken) {
		for (int n = 0;; n++) {
			String candidate = NumberedNames.numbered(name, n);
			if (taken.add(candidate.toLowerCase(Locale.ROOT))) {
				return candidate;
			}
		}
	}

}
