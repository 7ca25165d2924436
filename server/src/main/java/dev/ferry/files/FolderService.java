package dev.ferry.files;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;

import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.AccessPolicy;
import dev.ferry.auth.CurrentUser;
import dev.ferry.auth.Scope;

import org.springframework.stereotype.Service;

/**
 * Folders: created empty on request (kept in {@code folders} until files make them
 * unnecessary), and the sub-folders a listing shows, whether files or a creation made
 * them.
 */
@Service
class FolderService {

	private final FolderRepository folders;

	private final FileRepository files;

	private final AccessPolicy access;

	private final AuditLog audit;

	private final Clock clock;

	FolderService(FolderRepository folders, FileRepository files, AccessPolicy access, AuditLog audit, Clock clock) {
		this.folders = folders;
		this.files = files;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Creates an empty folder: 400 for an invalid or the root path, 409 when a file has
	 * the path or the folder exists already.
	 */
	Created create(CurrentUser owner, String rawPath) {
		access.requireScope(owner, Scope.WRITE, "folder.created");
		if (rawPath == null || rawPath.isBlank()) {
			throw FileException.invalidPath("Send the new folder as 'path', e.g. \"/reports/2026\".");
		}
		String path = FilePaths.folder(rawPath);
		if (path.equals(FilePaths.ROOT)) {
			throw FileException.invalidPath("The root folder always exists; name a folder below it.");
		}
		FileCatalog.Placement placement = FilePaths.split(path);
		if (files.exists(owner.userId(), placement.folder(), placement.name())) {
			throw refused(path, FileException.pathTaken(path));
		}
		Instant now = clock.instant();
		if (files.folderExists(owner.userId(), path) || !folders.insertIfAbsent(owner.userId(), path, now)) {
			throw refused(path, FileException.folderExists(path));
		}
		audit.record(AuditEvent.success("folder.created").detail("path", path));
		return new Created(path, now.toString());
	}

	/** The paths of the folders directly in {@code folder}, sorted. */
	List<String> children(CurrentUser owner, String folder) {
		return List
			.copyOf(new TreeSet<>(files.childFolders(owner.userId(), FilePaths.folder(folder), FileTree.MAX_ENTRIES)));
	}

	private FileException refused(String path, FileException problem) {
		audit.record(AuditEvent.failure("folder.created").detail("path", path).detail("reason", "path_taken"));
		return problem;
	}

	record Created(String path, String createdAt) {
	}

}
