package dev.ferry.audit;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks personal data in an audit export ({@code ?mask_pii=true}): email addresses,
 * international phone numbers, payment card numbers (Luhn-valid), IBANs, US Social
 * Security numbers and UK National Insurance numbers in labels and details become
 * {@code [email]}, {@code [phone]}..., and client addresses keep only their network (IPv4
 * /24, IPv6 /48): the record's own, an address a record is about (a ban), and IPv4
 * addresses in details and labels. The masks contain no quote or backslash, so details
 * stay JSON.
 */
final class PiiMask {

	private static final List<Rule> RULES = List.of(
			new Rule(
					Pattern.compile(
							"[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\\.[A-Za-z0-9-]{1,63})*\\.[A-Za-z]{2,24}"),
					"[email]", false),
			new Rule(Pattern.compile("(?<![A-Za-z0-9])[A-Z]{2}\\d{2}(?: ?[A-Z0-9]){11,30}(?![A-Za-z0-9])"), "[iban]",
					false),
			new Rule(Pattern.compile("(?<![\\d-])(?:\\d[ -]?){12,18}\\d(?![\\d-])"), "[card]", true),
			new Rule(Pattern.compile("(?<![\\d-])\\d{3}-\\d{2}-\\d{4}(?![\\d-])"), "[ssn]", false),
			new Rule(
					Pattern.compile("(?<![A-Za-z0-9])[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\\d{2} ?\\d{2} ?\\d{2} ?[A-D]"
							+ "(?![A-Za-z0-9])"),
					"[nino]", false),
			new Rule(Pattern.compile("(?<![\\w+])(?:\\+|00)[1-9][0-9 ().-]{7,18}[0-9](?!\\w)"), "[phone]", false));

	private PiiMask() {
	}

	/** An IPv4 address in text; its network stays, as for the record's own address. */
	private static final Pattern IPV4 = Pattern
		.compile("(?<![\\d.])(\\d{1,3}\\.\\d{1,3}\\.\\d{1,3})\\.\\d{1,3}(?:/\\d{1,2})?(?!\\d|\\.\\d)");

	static AuditRecord apply(AuditRecord r) {
		// The defender's records are about an address (a ban, a lift): their object too.
		String objectId = "address".equals(r.objectType()) ? address(r.objectId()) : r.objectId();
		return new AuditRecord(r.seq(), r.id(), r.occurredAt(), r.actorType(), r.actorId(), text(r.actorLabel()),
				r.action(), r.objectType(), objectId, r.outcome(), address(r.ip()), r.userAgent(), r.requestId(),
				text(r.details()), r.prevHash(), r.hash());
	}

	static String text(String value) {
		if (value == null) {
			return null;
		}
		String masked = value;
		for (Rule rule : RULES) {
			masked = rule.replace(masked);
		}
		return IPV4.matcher(masked).replaceAll("$1.0/24");
	}

	static String address(String ip) {
		if (ip == null) {
			return null;
		}
		if (ip.contains(":")) {
			String[] groups = ip.split(":", -1);
			return (groups.length >= 3) ? groups[0] + ":" + groups[1] + ":" + groups[2] + "::/48" : "[ip]";
		}
		int last = ip.lastIndexOf('.');
		return (last > 0) ? ip.substring(0, last) + ".0/24" : "[ip]";
	}

	private record Rule(Pattern pattern, String mask, boolean luhn) {

		String replace(String text) {
			Matcher matcher = pattern.matcher(text);
			StringBuilder out = new StringBuilder();
			while (matcher.find()) {
				boolean masked = !luhn || luhnValid(matcher.group());
				matcher.appendReplacement(out, Matcher.quoteReplacement(masked ? mask : matcher.group()));
			}
			matcher.appendTail(out);
			return out.toString();
		}

		private static boolean luhnValid(String candidate) {
			String digits = candidate.replaceAll("\\D", "");
			int sum = 0;
			for (int i = 0; i < digits.length(); i++) {
				int digit = digits.charAt(digits.length() - 1 - i) - '0';
				if (i % 2 == 1) {
					digit = (digit * 2 > 9) ? digit * 2 - 9 : digit * 2;
				}
				sum += digit;
			}
			return sum % 10 == 0;
		}

	}

}
