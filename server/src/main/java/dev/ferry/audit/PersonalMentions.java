package dev.ferry.audit;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a text (a record's details, an alert) names an erased account: its id in any form
 * ({@code "<id>"}, {@code user:<id>}; an id names nothing else), and its email as a whole
 * address, a value of its own or inside a message ("A user with userName ann@x.test
 * exists"), but not inside a longer one ({@code joann@x.test},
 * {@code ann@x.test.example}).
 */
public final class PersonalMentions {

	private static final String ADDRESS_CHAR = "[A-Za-z0-9._%+-]";

	private PersonalMentions() {
	}

	/**
	 * Whether the record is about the account: by it, on it, or naming it in its details.
	 */
	static boolean concern(AuditRecord record, String userId, String email) {
		return userId.equals(record.actorId()) || email.equalsIgnoreCase(String.valueOf(record.actorLabel()))
				|| ("user".equals(record.objectType()) && userId.equals(record.objectId())) || (record.details() != null
						&& (record.details().contains(userId) || address(email).matcher(record.details()).find()));
	}

	/** {@code text} with every mention of the account replaced by {@code pseudonym}. */
	public static String replace(String details, String userId, String email, String pseudonym) {
		return address(email).matcher(details.replace(userId, pseudonym))
			.replaceAll(Matcher.quoteReplacement(pseudonym));
	}

	private static Pattern address(String email) {
		return Pattern.compile("(?<!" + ADDRESS_CHAR + ")" + Pattern.quote(email) + "(?![A-Za-z0-9-]|\\.[A-Za-z0-9])",
				Pattern.CASE_INSENSITIVE);
	}

}
