package dev.ferry.files;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/**
 * An opaque page cursor: the sort it belongs to and the sort key plus id of the last item
 * served. Keyset pagination on (key, id) never repeats or skips a row, whatever is
 * inserted meanwhile.
 */
record FileCursor(FileQuery.Sort sort, boolean descending, Object key, UUID id) {

	static FileCursor after(FileQuery.Sort sort, boolean descending, FileRecord last) {
		Object key = switch (sort) {
			case NAME -> last.name();
			case SIZE -> last.size();
			case CREATED_AT -> last.createdAt().toEpochMilli();
		};
		return new FileCursor(sort, descending, key, last.id());
	}

	String encode() {
		String raw = "1|" + sort.name() + "|" + (descending ? "d" : "a") + "|" + id + "|" + key;
		return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
	}

	/** Decodes a cursor and insists that it was made for the same sort order. */
	static FileCursor decode(String token, FileQuery.Sort sort, boolean descending) {
		String[] parts;
		try {
			parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\\|", 5);
		}
		catch (IllegalArgumentException ex) {
			throw invalid();
		}
		if (parts.length != 5 || !parts[0].equals("1")) {
			throw invalid();
		}
		if (!parts[1].equals(sort.name()) || !parts[2].equals(descending ? "d" : "a")) {
			throw FileException.invalidQuery(
					"This cursor belongs to another sort order; repeat the sort and order of the first page.");
		}
		try {
			Object key = (sort == FileQuery.Sort.NAME) ? parts[4] : Long.valueOf(parts[4]);
			return new FileCursor(sort, descending, key, UUID.fromString(parts[3]));
		}
		catch (IllegalArgumentException ex) {
			throw invalid();
		}
	}

	private static FileException invalid() {
		return FileException.invalidQuery("The cursor is not valid; use the next_cursor of a previous page.");
	}

}
