package dev.ferry.files;

import java.time.Instant;

/**
 * A listing request, already validated: every filter may be {@code null}; {@code after}
 * is the decoded cursor (the last item of the previous page) or {@code null}; {@code tag}
 * keeps the owner's files with that tag.
 */
record FileQuery(String nameContains, String typePrefix, Long minSize, Long maxSize, Instant createdAfter,
		Instant createdBefore, String folder, boolean recursive, Sort sort, boolean descending, FileCursor after,
		int limit, String tag) {

	/** A listing without a tag filter. */
	FileQuery(String nameContains, String typePrefix, Long minSize, Long maxSize, Instant createdAfter,
			Instant createdBefore, String folder, boolean recursive, Sort sort, boolean descending, FileCursor after,
			int limit) {
		this(nameContains, typePrefix, minSize, maxSize, createdAfter, createdBefore, folder, recursive, sort,
				descending, after, limit, null);
	}

	/** The first {@code limit} files at or below {@code folder}, by name. */
	static FileQuery below(String folder, int limit) {
		return new FileQuery(null, null, null, null, null, null, folder, true, Sort.NAME, false, null, limit);
	}

	enum Sort {

		NAME("name"), SIZE("size"), CREATED_AT("created_at");

		private final String column;

		Sort(String column) {
			this.column = column;
		}

		String column() {
			return column;
		}

	}

}
