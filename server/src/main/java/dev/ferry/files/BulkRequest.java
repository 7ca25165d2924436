package dev.ferry.files;

import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.ferry.files.BulkItems.MoveConflict;

/**
 * A checked {@code POST /api/v1/files/bulk}: what to do with which files; {@code folder}
 * (normalised) and {@code conflict} are a move's, {@code tags} a tag's.
 */
record BulkRequest(Kind kind, List<String> ids, String folder, MoveConflict conflict, boolean permanentDelete,
		List<String> tags, Map<String, Object> transfer) {

	static final int MAX_IDS = 10_000;

	/** The body as sent. */
	/**
	 * {@code transfer}: a share's transfer options, as {@code POST /api/v1/transfers}.
	 */
	record Body(String operation, List<String> ids, String folder, String onConflict, Boolean permanent,
			List<String> tags, Map<String, Object> transfer) {
	}

	enum Kind {

		MOVE, DELETE, TAG, ZIP, SHARE

	}

	/** 400 with a detail naming what is wrong. */
	static BulkRequest of(Body body) {
		if (body == null || body.operation() == null) {
			throw BulkProblems.invalid("Send an 'operation': move, delete, tag, zip or share.");
		}
		Kind kind = switch (body.operation()) {
			case "move" -> Kind.MOVE;
			case "delete" -> Kind.DELETE;
			case "tag" -> Kind.TAG;
			case "zip" -> Kind.ZIP;
			case "share" -> Kind.SHARE;
			default -> throw BulkProblems.invalid("'operation' must be move, delete, tag, zip or share.");
		};
		List<String> ids = body.ids();
		if (ids == null || ids.isEmpty() || ids.size() > MAX_IDS || ids.contains(null)) {
			throw BulkProblems.invalid("'ids' must list 1 to " + MAX_IDS + " file ids.");
		}
		if (Set.copyOf(ids).size() != ids.size()) {
			throw BulkProblems.invalid("'ids' names a file twice.");
		}
		String folder = null;
		if (kind == Kind.MOVE) {
			if (body.folder() == null) {
				throw BulkProblems.invalid("A move needs the target 'folder'.");
			}
			folder = FilePaths.folder(body.folder());
		}
		List<String> tags = (kind == Kind.TAG) ? List.copyOf(TagService.clean(body.tags())) : List.of();
		return new BulkRequest(kind, List.copyOf(ids), folder, MoveConflict.parse(body.onConflict()),
				Boolean.TRUE.equals(body.permanent()), tags, (kind == Kind.SHARE) ? body.transfer() : null);
	}

	String operation() {
		return kind.name().toLowerCase(java.util.Locale.ROOT);
	}

}
