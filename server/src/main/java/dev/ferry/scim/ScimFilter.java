package dev.ferry.scim;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one filter form identity providers send to find a resource before creating it:
 * {@code <attribute> eq "<value>"}. Anything else is refused with {@code invalidFilter}
 * rather than answered with a wrong list.
 */
record ScimFilter(String attribute, String value) {

	private static final Pattern EQ = Pattern
		.compile("^\\s*([A-Za-z][\\w.]*)\\s+(?i:eq)\\s+\"((?:[^\"\\\\]|\\\\.)*)\"\\s*$");

	/** Null when there is no filter; {@code attribute} is lower case. */
	static ScimFilter parse(String filter, Set<String> attributes) {
		if (filter == null || filter.isBlank()) {
			return null;
		}
		Matcher matcher = EQ.matcher(filter);
		String attribute = matcher.matches() ? matcher.group(1).toLowerCase(Locale.ROOT) : null;
		if (attribute == null || !attributes.contains(attribute)) {
			throw ScimException.invalidFilter("Only filters of the form '<attribute> eq \"value\"' on "
					+ String.join(", ", attributes) + " are supported.");
		}
		return new ScimFilter(attribute, matcher.group(2).replaceAll("\\\\(.)", "$1"));
	}

}
