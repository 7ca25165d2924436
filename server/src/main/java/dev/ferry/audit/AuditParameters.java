package dev.ferry.audit;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.ferry.StoredTimes;

/**
 * Reads and checks the query parameters of the audit endpoints. Unknown or repeated
 * parameters are refused rather than ignored: a misspelt filter would otherwise widen an
 * audit search without anyone noticing.
 */
final class AuditParameters {

	static final Set<String> FILTERS = Set.of("from", "to", "actor", "action", "object", "object_type", "outcome");

	static final Set<String> PAGING = Set.of("limit", "cursor");

	static final int DEFAULT_LIMIT = 50;

	static final int MAX_LIMIT = 500;

	private static final Pattern ACTION = Pattern.compile("[a-z0-9_.-]{1,64}");

	private static final Pattern OBJECT_TYPE = Pattern.compile("[a-z0-9_.-]{1,32}");

	private static final Pattern OBJECT_ID = Pattern.compile("[\\p{Graph}]{1,64}");

	private static final String CURSOR_PREFIX = "seq:";

	private final Map<String, List<String>> values;

	private AuditParameters(Map<String, List<String>> values) {
		this.values = values;
	}

	static AuditParameters of(Map<String, List<String>> values, Set<String> allowed) {
		for (Map.Entry<String, List<String>> entry : values.entrySet()) {
			if (!allowed.contains(entry.getKey())) {
				String name = (entry.getKey().length() > 64) ? entry.getKey().substring(0, 64) : entry.getKey();
				throw AuditException.badParameter(name, "Unknown parameter '" + name + "'; this endpoint accepts "
						+ String.join(", ", new TreeSet<>(allowed)) + ".");
			}
			if (entry.getValue().size() > 1) {
				throw AuditException.badParameter(entry.getKey(), "Give '" + entry.getKey() + "' at most once.");
			}
		}
		return new AuditParameters(values);
	}

	AuditFilter filter() {
		Instant from = instant("from");
		Instant to = instant("to");
		if (from != null && to != null && !from.isBefore(to)) {
			throw AuditException.badParameter("to", "'to' must be later than 'from'.");
		}
		String action = lowerCase(value("action"));
		boolean prefix = action != null && action.endsWith("*");
		action = matching("action", prefix ? action.substring(0, action.length() - 1) : action, ACTION,
				"a dotted action name such as auth.login, or a prefix such as auth.*");
		return new AuditFilter(from, to, actor(), action, prefix,
				matching("object", value("object"), OBJECT_ID, "an object id (up to 64 visible characters)"),
				matching("object_type", lowerCase(value("object_type")), OBJECT_TYPE,
						"an object type such as file or user"),
				outcome());
	}

	int limit() {
		String text = value("limit");
		if (text == null) {
			return DEFAULT_LIMIT;
		}
		try {
			int limit = Integer.parseInt(text);
			if (limit >= 1 && limit <= MAX_LIMIT) {
				return limit;
			}
		}
		catch (NumberFormatException ex) {
			// reported below with the same message as an out-of-range number
		}
		throw AuditException.badParameter("limit", "'limit' must be a whole number from 1 to " + MAX_LIMIT + ".");
	}

	/** The sequence number to continue below, or {@code null} for the first page. */
	Long cursor() {
		String text = value("cursor");
		if (text == null) {
			return null;
		}
		try {
			String decoded = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
			if (decoded.startsWith(CURSOR_PREFIX)) {
				long seq = Long.parseLong(decoded.substring(CURSOR_PREFIX.length()));
				if (seq > 0) {
					return seq;
				}
			}
		}
		catch (IllegalArgumentException ex) {
			// not base64 or not a number: reported below
		}
		throw AuditException.badParameter("cursor",
				"'cursor' is not valid; pass the next_cursor value of the previous page unchanged.");
	}

	static String cursorAfter(long seq) {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString((CURSOR_PREFIX + seq).getBytes(StandardCharsets.UTF_8));
	}

	ExportFormat format() {
		String text = value("format");
		if (text == null) {
			return ExportFormat.CSV;
		}
		return ExportFormat.named(text)
			.orElseThrow(() -> AuditException.badParameter("format", "'format' must be csv or ndjson."));
	}

	/** {@code mask_pii=true}: personal data in the export is masked ({@link PiiMask}). */
	boolean maskPii() {
		String text = value("mask_pii");
		if (text == null || text.equals("false")) {
			return false;
		}
		if (text.equals("true")) {
			return true;
		}
		throw AuditException.badParameter("mask_pii", "'mask_pii' must be true or false.");
	}

	private String value(String name) {
		List<String> given = values.get(name);
		return (given == null || given.isEmpty() || given.get(0).isEmpty()) ? null : given.get(0);
	}

	private Instant instant(String name) {
		String text = value(name);
		if (text == null) {
			return null;
		}
		// A '+' in an unencoded query string arrives as a space: "…T10:00:00 02:00".
		String iso = text.replace(' ', '+');
		try {
			Instant time = (iso.length() == 10) ? LocalDate.parse(iso).atStartOfDay(ZoneOffset.UTC).toInstant()
					: OffsetDateTime.parse(iso).toInstant();
			if (StoredTimes.storable(time)) {
				return time;
			}
		}
		catch (DateTimeException ex) {
			// falls through to the problem below
		}
		throw AuditException.badParameter(name, "'" + name + "' must be an ISO-8601 time " + StoredTimes.SPAN
				+ " such as 2026-01-31T12:00:00Z (or a date such as 2026-01-31, meaning midnight UTC).");
	}

	private String actor() {
		String text = value("actor");
		if (text == null) {
			return null;
		}
		try {
			return UUID.fromString(text).toString();
		}
		catch (IllegalArgumentException ex) {
			throw AuditException.badParameter("actor", "'actor' must be a user id (a UUID).");
		}
	}

	private String outcome() {
		String text = lowerCase(value("outcome"));
		if (text == null) {
			return null;
		}
		for (Outcome outcome : Outcome.values()) {
			if (outcome.name().toLowerCase(Locale.ROOT).equals(text)) {
				return text;
			}
		}
		throw AuditException.badParameter("outcome", "'outcome' must be success, failure or denied.");
	}

	private static String matching(String name, String text, Pattern pattern, String expected) {
		if (text != null && !pattern.matcher(text).matches()) {
			throw AuditException.badParameter(name, "'" + name + "' must be " + expected + ".");
		}
		return text;
	}

	private static String lowerCase(String text) {
		return (text != null) ? text.toLowerCase(Locale.ROOT) : null;
	}

}
