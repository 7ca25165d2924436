package dev.ferry.pii;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds personal data in a piece of text and counts it per kind; the matched values are
 * never kept. Identifiers with check digits count only when the check holds (so random
 * digits are not flagged). The rules run in order and each blanks what it matched, so an
 * IBAN's digits are not also counted as a card number.
 * <ul>
 * <li>{@code iban}: ISO 13616, 15 to 34 characters, optionally in groups of four, check
 * digits 02 to 98 and the mod-97 checksum;</li>
 * <li>{@code email}: local part, {@code @}, a dotted domain;</li>
 * <li>{@code payment_card}: 13 to 19 digits, optionally grouped by spaces or dashes, with
 * a card network's prefix (Visa, Mastercard, American Express, Discover, JCB, Diners) and
 * a valid Luhn check digit;</li>
 * <li>{@code us_ssn}: {@code AAA-GG-SSSS}, without the never-issued 000, 666 and 9xx
 * areas, 00 groups and 0000 serials;</li>
 * <li>{@code de_tax_id}: the German Steuer-ID, 11 digits (optionally spaced 2-3-3-3) with
 * its digit rules and ISO 7064 check digit;</li>
 * <li>{@code phone}: international numbers starting with {@code +} and a country code (8
 * to 15 digits), and the North American {@code (AAA) NNN-NNNN} and
 * {@code AAA-NNN-NNNN}.</li>
 * </ul>
 */
final class PiiDetector {

	private static final List<Rule> RULES = List.of(
			new Rule(PiiKind.IBAN, "\\b[A-Z]{2}\\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\\b", PiiDetector::iban),
			new Rule(PiiKind.EMAIL,
					"[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\\.[A-Za-z0-9-]{1,63}){0,8}\\.[A-Za-z]{2,24}\\b",
					(match) -> true),
			new Rule(PiiKind.PAYMENT_CARD, "(?<![\\d-])\\d(?:[ -]?\\d){12,18}(?![\\d-])", PiiDetector::card),
			new Rule(PiiKind.US_SSN, "(?<![\\d-])(?!000|666|9\\d\\d)\\d{3}-(?!00)\\d{2}-(?!0000)\\d{4}(?![\\d-])",
					(match) -> true),
			new Rule(PiiKind.DE_TAX_ID, "(?<![\\d-])\\d{2} ?\\d{3} ?\\d{3} ?\\d{3}(?![\\d-])",
					(match) -> Checksums.steuerId(digits(match))),
			new Rule(PiiKind.PHONE, "(?<![\\w+])\\+[1-9]\\d{0,2}(?:[ .-]?\\(?\\d{1,4}\\)?){2,6}(?!\\d)",
					(match) -> digits(match).length() >= 8 && digits(match).length() <= 15),
			new Rule(PiiKind.PHONE, "(?<![\\d-])(?:\\(\\d{3}\\) ?|\\d{3}-)\\d{3}-\\d{4}(?![\\d-])", (match) -> true));

	private static final Pattern CARD_PREFIX = Pattern
		.compile("^(?:4|5[1-5]|2[2-7]|3[47]|6011|65|64[4-9]|35|30[0-5]|36|38)");

	private PiiDetector() {
	}

	/** Adds what {@code text} holds to {@code counts}. */
	static void count(CharSequence text, Map<PiiKind, Integer> counts) {
		StringBuilder rest = new StringBuilder(text);
		for (Rule rule : RULES) {
			Matcher matcher = rule.pattern().matcher(rest);
			while (matcher.find()) {
				if (rule.check().test(matcher.group())) {
					counts.merge(rule.kind(), 1, Integer::sum);
					for (int i = matcher.start(); i < matcher.end(); i++) {
						rest.setCharAt(i, ' ');
					}
				}
			}
		}
	}

	private static boolean iban(String match) {
		String compact = match.replace(" ", "");
		int check = Integer.parseInt(compact.substring(2, 4));
		return compact.length() >= 15 && compact.length() <= 34 && check >= 2 && check <= 98 && Checksums.iban(compact);
	}

	private static boolean card(String match) {
		String digits = digits(match);
		return digits.length() >= 13 && digits.length() <= 19 && CARD_PREFIX.matcher(digits).find()
				&& Checksums.luhn(digits);
	}

	private static String digits(String match) {
		return match.replaceAll("\\D", "");
	}

	private record Rule(PiiKind kind, Pattern pattern, Predicate<String> check) {

		Rule(PiiKind kind, String regex, Predicate<String> check) {
			this(kind, Pattern.compile(regex), check);
		}

	}

}
