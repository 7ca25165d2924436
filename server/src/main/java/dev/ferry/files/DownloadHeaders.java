package dev.ferry.files;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Validators and headers of a download: a strong ETag from the content hash,
 * Last-Modified, the RFC 9110 conditionals and an RFC 6266 Content-Disposition that no
 * name can break out of.
 */
final class DownloadHeaders {

	private static final String ATTR_CHARS = "!#$&+-.^_`|~";

	private DownloadHeaders() {
	}

	/**
	 * Content never changes under an id, so the hash of the plaintext is a strong tag.
	 */
	static String etag(FileRecord file) {
		return "\"" + file.sha256().substring(0, 32) + "\"";
	}

	static Instant lastModified(FileRecord file) {
		return file.modifiedAt().truncatedTo(ChronoUnit.SECONDS);
	}

	static String httpDate(Instant instant) {
		return DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.ofInstant(instant, ZoneOffset.UTC));
	}

	/** If-None-Match uses the weak comparison: W/ is ignored; {@code *} matches. */
	static boolean noneMatchHits(String header, String etag) {
		if (header == null) {
			return false;
		}
		for (String candidate : header.split(",")) {
			String tag = candidate.trim();
			if (tag.equals("*") || stripWeak(tag).equals(etag)) {
				return true;
			}
		}
		return false;
	}

	static boolean notModifiedSince(String header, Instant lastModified) {
		Instant since = parseDate(header);
		return since != null && !lastModified.isAfter(since);
	}

	/**
	 * If-Range: a strong ETag must match exactly (a weak one never does); a date must
	 * equal Last-Modified. Anything else means the client's partial copy is stale.
	 */
	static boolean ifRangeHolds(String header, String etag, Instant lastModified) {
		if (header == null) {
			return true;
		}
		String value = header.trim();
		if (value.startsWith("\"") || value.startsWith("W/")) {
			return value.equals(etag);
		}
		Instant date = parseDate(value);
		return date != null && date.equals(lastModified);
	}

	/** {@code attachment; filename="ascii"; filename*=UTF-8''percent-encoded}. */
	static String attachment(String name) {
		StringBuilder fallback = new StringBuilder();
		name.codePoints().forEach((c) -> fallback.append(isPlainAscii(c) ? (char) c : '_'));
		StringBuilder encoded = new StringBuilder();
		for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
			int c = b & 0xff;
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
					|| ATTR_CHARS.indexOf(c) >= 0) {
				encoded.append((char) c);
			}
			else {
				encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
				encoded.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
			}
		}
		return "attachment; filename=\"" + fallback + "\"; filename*=UTF-8''" + encoded;
	}

	private static boolean isPlainAscii(int c) {
		return c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '%';
	}

	private static String stripWeak(String tag) {
		return tag.startsWith("W/") ? tag.substring(2) : tag;
	}

	private static Instant parseDate(String value) {
		if (value == null) {
			return null;
		}
		try {
			return ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
