package dev.ferry.share.comment;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code @alice@example.com} in a comment mentions the account with that email. An
 * {@code @} that follows a letter or digit is part of an address, not a mention.
 */
final class Mentions {

	private static final Pattern MENTION = Pattern
		.compile("(?<![\\p{L}\\p{N}._%+-])@([\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}.-]+\\.[\\p{L}]{2,})");

	private static final int MAX = 20;

	private Mentions() {
	}

	/** The mentioned addresses, lower-cased, in order, at most {@value #MAX}. */
	static Set<String> in(String body) {
		Set<String> found = new LinkedHashSet<>();
		Matcher matcher = MENTION.matcher(body);
		while (matcher.find() && found.size() < MAX) {
			found.add(matcher.group(1).toLowerCase(Locale.ROOT));
		}
		return found;
	}

}
