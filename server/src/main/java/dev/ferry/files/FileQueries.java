package dev.ferry.files;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

import dev.ferry.StoredTimes;

/**
 * Turns the listing's query parameters into a {@link FileQuery}, or a 400 that names the
 * bad one.
 */
final class FileQueries {

	static final int DEFAULT_LIMIT = 50;

	static final int MAX_LIMIT = 500;

	private FileQueries() {
	}

	static FileQuery parse(Map<String, String> params) {
		FileQuery.Sort sort = sort(params.get("sort"));
		boolean descending = descending(params.get("order"));
		String cursor = blankToNull(params.get("cursor"));
		String path = blankToNull(params.get("path"));
		String type = blankToNull(params.get("type"));
		return new FileQuery(blankToNull(params.get("name")), (type != null) ? type.toLowerCase(Locale.ROOT) : null,
				size(params, "min_size"), size(params, "max_size"), time(params, "created_after"),
				time(params, "created_before"), (path != null) ? FilePaths.folder(path) : null,
				flag(params, "recursive"), sort, descending,
				(cursor != null) ? FileCursor.decode(cursor, sort, descending) : null, limit(params.get("limit")),
				tag(params.get("tag")));
	}

	private static String tag(String value) {
		String tag = blankToNull(value);
		return (tag != null) ? TagService.clean(java.util.List.of(tag)).iterator().next() : null;
	}

	private static FileQuery.Sort sort(String value) {
		if (value == null || value.isBlank()) {
			return FileQuery.Sort.NAME;
		}
		return switch (value) {
			case "name" -> FileQuery.Sort.NAME;
			case "size" -> FileQuery.Sort.SIZE;
			case "created_at" -> FileQuery.Sort.CREATED_AT;
			default -> throw FileException.invalidQuery("'sort' must be name, size or created_at.");
		};
	}

	private static boolean descending(String value) {
		if (value == null || value.isBlank() || value.equals("asc")) {
			return false;
		}
		if (value.equals("desc")) {
			return true;
		}
		throw FileException.invalidQuery("'order' must be asc or desc.");
	}

	private static int limit(String value) {
		if (value == null || value.isBlank()) {
			return DEFAULT_LIMIT;
		}
		try {
			int limit = Integer.parseInt(value);
			if (limit >= 1 && limit <= MAX_LIMIT) {
				return limit;
			}
		}
		catch (NumberFormatException ex) {
			// falls through to the problem below
		}
		throw FileException.invalidQuery("'limit' must be a whole number from 1 to " + MAX_LIMIT + ".");
	}

	private static Long size(Map<String, String> params, String name) {
		String value = blankToNull(params.get(name));
		if (value == null) {
			return null;
		}
		try {
			long size = Long.parseLong(value);
			if (size >= 0) {
				return size;
			}
		}
		catch (NumberFormatException ex) {
			// falls through to the problem below
		}
		throw FileException.invalidQuery("'" + name + "' must be a number of bytes (0 or more).");
	}

	private static Instant time(Map<String, String> params, String name) {
		String value = blankToNull(params.get(name));
		if (value == null) {
			return null;
		}
		try {
			Instant time = OffsetDateTime.parse(value).toInstant();
			if (StoredTimes.storable(time)) {
				return time;
			}
		}
		catch (DateTimeParseException ex) {
			// falls through to the problem below
		}
		throw FileException.invalidQuery("'" + name + "' must be an ISO-8601 time with offset " + StoredTimes.SPAN
				+ ", e.g. 2026-01-31T12:00:00Z.");
	}

	private static boolean flag(Map<String, String> params, String name) {
		String value = blankToNull(params.get(name));
		if (value == null || value.equals("false")) {
			return false;
		}
		if (value.equals("true")) {
			return true;
		}
		throw FileException.invalidQuery("'" + name + "' must be true or false.");
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

}
