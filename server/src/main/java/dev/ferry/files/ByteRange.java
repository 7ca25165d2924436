package dev.ferry.files;

import java.util.Locale;

/**
 * The one byte range a download serves, {@code [start, endExclusive)}. Parsing follows
 * RFC 9110 §14: a single bounded, open-ended or suffix range is honoured; a header we
 * cannot or choose not to honour (bad syntax, other units, several ranges) is ignored, so
 * the whole file is served with 200, which the RFC allows.
 */
record ByteRange(long start, long endExclusive, boolean partial) {

	static ByteRange full(long length) {
		return new ByteRange(0, length, false);
	}

	long length() {
		return endExclusive - start;
	}

	/** The range to serve, or throws 416 when the header's one range misses the file. */
	static ByteRange parse(String header, long length) {
		if (header == null) {
			return full(length);
		}
		String value = header.trim();
		if (!value.toLowerCase(Locale.ROOT).startsWith("bytes=") || value.indexOf(',') >= 0) {
			return full(length);
		}
		String spec = value.substring("bytes=".length()).trim();
		int dash = spec.indexOf('-');
		if (dash < 0) {
			return full(length);
		}
		Long first;
		Long last;
		try {
			first = number(spec.substring(0, dash).trim());
			last = number(spec.substring(dash + 1).trim());
		}
		catch (NumberFormatException ex) {
			return full(length);
		}
		if (first == null) {
			return suffix(last, length);
		}
		if (last != null && last < first) {
			return full(length);
		}
		if (first >= length) {
			throw FileException.rangeNotSatisfiable(length);
		}
		long end = (last == null || last >= length - 1) ? length : last + 1;
		return new ByteRange(first, end, true);
	}

	private static ByteRange suffix(Long suffixLength, long length) {
		if (suffixLength == null) {
			return full(length);
		}
		if (suffixLength == 0 || length == 0) {
			throw FileException.rangeNotSatisfiable(length);
		}
		return new ByteRange(Math.max(0, length - suffixLength), length, true);
	}

	/** Digits only; {@code null} for empty. Too many digits is beyond any file's end. */
	private static Long number(String digits) {
		if (digits.isEmpty()) {
			return null;
		}
		for (int i = 0; i < digits.length(); i++) {
			if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
				throw new NumberFormatException("not a digit");
			}
		}
		return (digits.length() > 18) ? Long.MAX_VALUE : Long.parseLong(digits);
	}

	String contentRange(long length) {
		return "bytes " + start + "-" + (endExclusive - 1) + "/" + length;
	}

	/** How the audit trail names it: the served interval, or "full". */
	String describe() {
		return partial ? "bytes=" + start + "-" + (endExclusive - 1) : "full";
	}

}
