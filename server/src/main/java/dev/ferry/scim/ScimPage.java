package dev.ferry.scim;

/**
 * SCIM's index-based paging (RFC 7644 section 3.4.2.4): {@code startIndex} is 1-based, a
 * value below 1 counts as 1; {@code count} defaults to and is capped at {@link #MAX}.
 */
record ScimPage(int startIndex, int count) {

	static final int MAX = 200;

	static ScimPage of(String startIndex, String count) {
		Integer start = number("startIndex", startIndex);
		Integer size = number("count", count);
		return new ScimPage((start == null || start < 1) ? 1 : start,
				(size == null) ? MAX : Math.max(0, Math.min(size, MAX)));
	}

	private static Integer number(String name, String value) {
		try {
			return (value == null || value.isBlank()) ? null : Integer.valueOf(value.strip());
		}
		catch (NumberFormatException ex) {
			throw ScimException.invalidValue(name + " must be an integer.");
		}
	}

	int offset() {
		return startIndex - 1;
	}

}
