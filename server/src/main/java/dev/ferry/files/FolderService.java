package dev.ferry.files;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.UUID;

import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.AccessPolicy;
import dev.ferry.auth.CurrentUser;
import dev.ferry.auth.Scope;

import org.springframework.stereotype.Service;

/**
 * Folders: created empty on request and kept in {@code folders} until removed (files
 * landing in one do not remove it, as on a disk), and the sub-folders a listing shows,
 * whether files or a creation made them.
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
		String path = newFolderPath(owner, rawPath, null);
		Instant now = clock.instant();
		if (!insertIfMissing(owner.userId(), path, now)) {
			throw refused(path, null, FileException.folderExists(path), "folder_exists");
		}
		audit.record(AuditEvent.success("folder.created").detail("path", path));
		return new Created(path, now.toString());
	}

	/**
	 * Makes an empty folder unless it exists, for a protocol's {@code mkdir} (two SFTP
	 * clients that make the same folder at once both succeed); refused as {@link #create}
	 * when the path is invalid or a file has it.
	 */
	void ensure(CurrentUser owner, String rawPath, String channel) {
		String path = newFolderPath(owner, rawPath, channel);
		if (insertIfMissing(owner.userId(), path, clock.instant())) {
			audit.record(AuditEvent.success("folder.created").detail("path", path).detail("channel", channel));
		}
	}

	/**
	 * Deletes an empty folder for the API: 400 for an invalid or the root path, 409 when
	 * a file or folder lies in it, 404 when there is no such folder.
	 */
	void delete(CurrentUser owner, String rawPath) {
		if (rawPath == null || rawPath.isBlank()) {
			throw FileException.invalidPath("Name the folder to delete as 'path', e.g. ?path=/reports/2026.");
		}
		String path = FilePaths.folder(rawPath);
		if (path.equals(FilePaths.ROOT)) {
			throw FileException.invalidPath("The root folder cannot be deleted.");
		}
		switch (remove(owner, path, null)) {
			case NOT_EMPTY -> throw FileException.folderNotEmpty(path);
			case NOT_FOUND, TAKEN -> throw FileException.folderNotFound(path);
			case DONE -> {
			}
		}
	}

	/**
	 * Removes a folder that holds nothing: no file at or below it and no folder below it.
	 * A folder that only files make exist has no row, so it is never removed here.
	 */
	FolderChange remove(CurrentUser owner, String rawPath, String channel) {
		access.requireScope(owner, Scope.WRITE, "folder.deleted");
		String path = FilePaths.folder(rawPath);
		UUID ownerId = owner.userId();
		FolderChange removal;
		if (path.equals(FilePaths.ROOT) || !files.inFolder(ownerId, path, 1).isEmpty()
				|| !files.childFolders(ownerId, path, 1).isEmpty()) {
			removal = FolderChange.NOT_EMPTY;
		}
		else {
			removal = folders.delete(ownerId, path) ? FolderChange.DONE : FolderChange.NOT_FOUND;
		}
		AuditEvent event = (removal == FolderChange.DONE) ? AuditEvent.success("folder.deleted")
				: AuditEvent.failure("folder.deleted").detail("reason", removal.name().toLowerCase(Locale.ROOT));
		audit.record(event.detail("path", path).detail("channel", channel));
		return removal;
	}

	/** Stores the folder unless files or a row make it exist already; says which. */
	private boolean insertIfMissing(UUID ownerId, String path, Instant now) {
		return !files.folderExists(ownerId, path) && folders.insertIfAbsent(ownerId, path, now);
	}

	private String newFolderPath(CurrentUser owner, String rawPath, String channel) {
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
			throw refused(path, channel, FileException.pathTaken(path), "path_taken");
		}
		return path;
	}

	/** The paths of the folders directly in {@code folder}, sorted. */
	List<String> children(CurrentUser owner, String folder) {
		return List
			.copyOf(new TreeSet<>(files.childFolders(owner.userId(), FilePaths.folder(folder), FileTree.MAX_ENTRIES)));
	}

	private FileException refused(String path, String channel, FileException problem, String reason) {
		audit.record(AuditEvent.failure("folder.created")
			.detail("path", path)
			.detail("reason", reason)
			.detail("channel", channel));
		return problem;
	}

	record Created(String path, String createdAt) {
	}

}
