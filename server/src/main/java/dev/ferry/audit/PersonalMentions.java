package dev.ferry.audit;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a record's details name an erased account: its id in any form ({@code "<id>"},
 * {@code user:<id>}; an id names nothing else), and its email as a whole address, a value
 * of its own or inside a message ("A user with userName ann@x.test exists"), but not
 * inside a longer one ({@code joann@x.test}, {@code ann@x.test.example}).
 */
final class PersonalMentions {

	private static final String ADDRESS_CHAR = "[A-Za-z0-9._%+-]";

	private PersonalMentions() {
	}

	static String replace(String details, String userId, String email, String pseudonym) {
		String withoutId = details.replace(userId, pseudonym);
		Pattern address = Pattern.compile(
				"(?<!" + ADDRESS_CHAR + ")" + Pattern.quote(email) + "(?![A-Za-z0-9-]|\\.[A-Za-z0-9])",
				Pattern.CASE_INSENSITIVE);
		return address.matcher(withoutId).replaceAll(Matcher.quoteReplacement(pseudonym));
	}

}
