package dev.ferry.files;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.ferry.ProblemException;
import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.AccessPolicy;
import dev.ferry.auth.CurrentUser;
import dev.ferry.auth.Scope;
import dev.ferry.files.FileCatalog.Placement;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves the empty folders made with "New folder" or {@code mkdir} (rows of
 * {@code folders}): along with a folder the API moves, and as SFTP's rename of a folder
 * that holds no file. All of them or none, in one transaction.
 */
@Service
class FolderMoves {

	private final FolderRepository folders;

	private final FileRepository files;

	private final AccessPolicy access;

	private final AuditLog audit;

	private final Clock clock;

	FolderMoves(FolderRepository folders, FileRepository files, AccessPolicy access, AuditLog audit, Clock clock) {
		this.folders = folders;
		this.files = files;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * The two folders of a move, normalised; refused for the root and for a folder moved
	 * into itself or onto a folder above it (that would merge it into its own parent).
	 */
	static MovedFolder paths(String from, String to) {
		String source = FilePaths.folder(from);
		String target = FilePaths.folder(to);
		if (source.equals(FilePaths.ROOT) || target.equals(FilePaths.ROOT) || target.equals(source)
				|| target.startsWith(source + "/") || source.startsWith(target + "/")) {
			throw BulkProblems
				.invalid("A folder cannot move into itself or onto a folder above it, and the root cannot move.");
		}
		return new MovedFolder(source, target);
	}

	/**
	 * Moves the empty folders at and below {@code move.source()} (its own included) to
	 * the same place below {@code move.target()}; one whose new path exists already
	 * merges into it. Refused, with nothing moved, when more than
	 * {@link FileTree#MAX_ENTRIES} lie there or a file has one of the new paths. How many
	 * moved; the caller checked the scope.
	 */
	@Transactional(noRollbackFor = ProblemException.class)
	int moveEmpty(CurrentUser owner, MovedFolder move, String channel) {
		List<String> paths = folders.atOrBelow(owner.userId(), move.source(), FileTree.MAX_ENTRIES + 1);
		if (paths.size() > FileTree.MAX_ENTRIES) {
			throw refused(move, channel, "too_many", FileException.invalidPath("More than " + FileTree.MAX_ENTRIES
					+ " empty folders lie in " + move.source() + "; move the ones below it first."));
		}
		List<String> moved = new ArrayList<>();
		for (String path : paths) {
			String destination = FilePaths.folder(move.target() + path.substring(move.source().length()));
			Placement placement = FilePaths.split(destination);
			if (files.exists(owner.userId(), placement.folder(), placement.name())) {
				throw refused(move, channel, "path_taken", FileException.pathTaken(destination));
			}
			moved.add(destination);
		}
		// Every row leaves before any arrives: a row at one of the new paths is merged
		// into, and stays even when it was also one of the old ones.
		paths.forEach((path) -> folders.delete(owner.userId(), path));
		Instant now = clock.instant();
		moved.forEach((path) -> folders.insertIfAbsent(owner.userId(), path, now));
		if (!paths.isEmpty()) {
			audit.record(AuditEvent.success("folder.moved")
				.detail("from", move.source())
				.detail("to", move.target())
				.detail("folders", paths.size())
				.detail("channel", channel));
		}
		return paths.size();
	}

	/**
	 * A protocol's rename of a folder: only one that holds no file moves, with the empty
	 * folders below it, and only to a path nothing has.
	 */
	@Transactional(noRollbackFor = ProblemException.class)
	FolderChange rename(CurrentUser owner, String from, String to, String channel) {
		access.requireScope(owner, Scope.WRITE, "folder.moved");
		MovedFolder move;
		try {
			move = paths(from, to);
		}
		catch (FileException refused) {
			audit.record(AuditEvent.failure("folder.moved")
				.detail("from", from)
				.detail("to", to)
				.detail("reason", "invalid")
				.detail("channel", channel));
			throw refused;
		}
		Placement target = FilePaths.split(move.target());
		FolderChange change;
		if (!files.search(owner.userId(), FileQuery.below(move.source(), 1)).isEmpty()) {
			change = FolderChange.NOT_EMPTY;
		}
		else if (files.folderExists(owner.userId(), move.target())
				|| files.exists(owner.userId(), target.folder(), target.name())) {
			change = FolderChange.TAKEN;
		}
		else {
			change = (moveEmpty(owner, move, channel) > 0) ? FolderChange.DONE : FolderChange.NOT_FOUND;
		}
		if (change != FolderChange.DONE) {
			refused(move, channel, change.name().toLowerCase(Locale.ROOT), null);
		}
		return change;
	}

	private ProblemException refused(MovedFolder move, String channel, String reason, ProblemException problem) {
		audit.record(AuditEvent.failure("folder.moved")
			.detail("from", move.source())
			.detail("to", move.target())
			.detail("reason", reason)
			.detail("channel", channel));
		return problem;
	}

	/** A folder's path before and after a move, normalised. */
	record MovedFolder(String source, String target) {
	}

}
