package dev.ferry.files;

import java.util.List;

import dev.ferry.auth.CurrentUser;
import dev.ferry.files.BulkJob.BulkOutcome;

import org.springframework.stereotype.Component;

/**
 * One file of a bulk operation, through the same services (and so the same checks and
 * audit records) as the single-file endpoints; a problem thrown here makes the file count
 * as failed and the job goes on.
 */
@Component
class BulkItems {

	private static final int MAX_NUMBERED_NAMES = 1000;

	private final FileService files;

	private final FileRepository repository;

	private final TrashService trash;

	private final TagService tags;

	BulkItems(FileService files, FileRepository repository, TrashService trash, TagService tags) {
		this.files = files;
		this.repository = repository;
		this.trash = trash;
		this.tags = tags;
	}

	/** The owner's files at or below {@code folder}, at most {@code limit}. */
	List<FileRecord> below(CurrentUser owner, String folder, int limit) {
		return repository.search(owner.userId(), FileQuery.below(folder, limit));
	}

	BulkOutcome apply(CurrentUser owner, BulkRequest request, String id) {
		return switch (request.kind()) {
			case MOVE -> move(owner, id, request.folder(), request.conflict());
			case DELETE -> {
				trash.delete(owner, id, request.permanentDelete());
				yield BulkOutcome.DONE;
			}
			case TAG -> {
				tags.add(owner, id, request.tags());
				yield BulkOutcome.DONE;
			}
			case ZIP, SHARE -> throw new IllegalStateException(request.operation() + " finishes in the request");
		};
	}

	/**
	 * Moves the file into {@code folder} under its name; when a file is there already,
	 * {@code conflict} decides: both stay (a free numbered name), the one there goes to
	 * the trash, or this file stays where it is.
	 */
	BulkOutcome move(CurrentUser owner, String id, String folder, MoveConflict conflict) {
		FileRecord file = files.find(owner, id, "file.moved");
		FileRecord there = repository.findByPath(owner.userId(), folder, file.name()).orElse(null);
		if (there == null || there.id().equals(file.id())) {
			files.move(owner, id, folder, null);
			return BulkOutcome.DONE;
		}
		return switch (conflict) {
			case SKIP -> BulkOutcome.SKIPPED;
			case REPLACE -> {
				trash.delete(owner, there.id().toString(), false);
				files.move(owner, id, folder, null);
				yield BulkOutcome.DONE;
			}
			case KEEP_BOTH -> keepBoth(owner, file, folder);
		};
	}

	private BulkOutcome keepBoth(CurrentUser owner, FileRecord file, String folder) {
		for (int n = 1; n <= MAX_NUMBERED_NAMES; n++) {
			String name = NumberedNames.numbered(file.name(), n);
			if (!repository.exists(owner.userId(), folder, name)) {
				files.move(owner, file.id().toString(), folder, name);
				return BulkOutcome.DONE;
			}
		}
		return BulkOutcome.FAILED;
	}

	/** What a move does when the target folder holds a file of the same name. */
	enum MoveConflict {

		KEEP_BOTH, REPLACE, SKIP;

		static MoveConflict parse(String value) {
			if (value == null || value.isBlank()) {
				return KEEP_BOTH;
			}
			return switch (value) {
				case "keep_both" -> KEEP_BOTH;
				case "replace" -> REPLACE;
				case "skip" -> SKIP;
				default -> throw BulkProblems.invalid("'on_conflict' must be keep_both, replace or skip.");
			};
		}

	}

}
