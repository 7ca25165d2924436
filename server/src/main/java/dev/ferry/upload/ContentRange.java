package dev.ferry.upload;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request's {@code Content-Range: bytes FIRST-LAST/TOTAL} (RFC 9110, section 14.4), or
 * {@code bytes *}{@code /TOTAL} to open an upload without sending bytes. Every value must
 * be known: Ferry needs the total to reserve quota.
 */
record ContentRange(long first, long last, long total) {

	private static final Pattern RANGE = Pattern.compile("bytes (?:(\\d{1,18})-(\\d{1,18})|(\\*))/(\\d{1,18})");

	/** {@code first} and {@code last} of the form without bytes. */
	private static final long NONE = -1;

	static ContentRange parse(String header) {
		if (header == null) {
			throw invalid("Send Content-Range: bytes FIRST-LAST/TOTAL (or bytes */TOTAL to open the upload).");
		}
		Matcher matcher = RANGE.matcher(header.strip());
		if (!matcher.matches()) {
			throw invalid("Content-Range must be 'bytes FIRST-LAST/TOTAL' or 'bytes */TOTAL', not '" + header
					+ "'; the total must be known.");
		}
		long total = Long.parseLong(matcher.group(4));
		if (matcher.group(3) != null) {
			return new ContentRange(NONE, NONE, total);
		}
		long first = Long.parseLong(matcher.group(1));
		long last = Long.parseLong(matcher.group(2));
		if (last < first) {
			throw invalid("Content-Range " + header + " ends before it starts.");
		}
		if (last >= total) {
			throw invalid("Content-Range " + header + " goes past the total of " + total + " bytes (the last byte is "
					+ (total - 1) + ").");
		}
		return new ContentRange(first, last, total);
	}

	boolean hasBytes() {
		return first != NONE;
	}

	long length() {
		return hasBytes() ? last - first + 1 : 0;
	}

	/**
	 * The body must be exactly the range: a shorter one is cut off, a longer one lies.
	 */
	void checkBody(long contentLength) {
		if (contentLength != length()) {
			throw invalid((contentLength < 0)
					? "Send the chunk with a Content-Length (no chunked transfer encoding) equal to the range's "
							+ length() + " bytes."
					: "Content-Length " + contentLength + " does not match Content-Range bytes " + first + "-" + last
							+ " (" + length() + " bytes).");
		}
	}

	static UploadException invalid(String detail) {
		return UploadException.badRequest("invalid-content-range", "Invalid Content-Range", detail);
	}

}
