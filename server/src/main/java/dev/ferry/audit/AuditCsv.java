package dev.ferry.audit;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * CSV lines (RFC 4180) for the audit export. A cell an attacker controls (a user agent,
 * an email) that starts like a spreadsheet formula is prefixed with {@code '}, so opening
 * the export in a spreadsheet cannot run it (OWASP "CSV injection"); the NDJSON export
 * keeps every value verbatim.
 */
final class AuditCsv {

	static final List<String> COLUMNS = List.of("id", "seq", "time", "actor_type", "actor_id", "actor_label", "action",
			"object_type", "object_id", "outcome", "ip", "user_agent", "request_id", "details", "hash");

	private AuditCsv() {
	}

	static String header() {
		return line(COLUMNS.stream());
	}

	static String row(AuditRecord r) {
		return line(Stream.of(r.id(), Long.toString(r.seq()), Instant.ofEpochMilli(r.occurredAt()).toString(),
				r.actorType(), r.actorId(), r.actorLabel(), r.action(), r.objectType(), r.objectId(), r.outcome(),
				r.ip(), r.userAgent(), r.requestId(), r.details(), r.hash()));
	}

	private static String line(Stream<String> cells) {
		return cells.map(AuditCsv::cell).collect(Collectors.joining(",", "", "\r\n"));
	}

	static String cell(String value) {
		if (value == null || value.isEmpty()) {
			return "";
		}
		String text = startsLikeFormula(value) ? "'" + value : value;
		boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
				|| text.indexOf('\r') >= 0;
		return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
	}

	private static boolean startsLikeFormula(String value) {
		char first = value.charAt(0);
		return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
	}

}
