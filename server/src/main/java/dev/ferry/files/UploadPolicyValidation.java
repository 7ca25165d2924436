package dev.ferry.files;

import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** What an administrator may put in the upload policy; 400 with the first mistake. */
final class UploadPolicyValidation {

	private static final int MAX_RULES = 100;

	private static final int MAX_ENTRIES = 200;

	/** RFC 6838: type and subtype names of at most 127 characters each. */
	private static final Pattern TYPE = Pattern
		.compile("[a-z0-9][a-z0-9!#$&^_.+-]{0,126}/([a-z0-9][a-z0-9!#$&^_.+-]{0,126}|\\*)");

	/** What every database stores in the policy's column (MariaDB's TEXT: 64 KiB). */
	static final int MAX_STORED_BYTES = 65_535;

	private static final Pattern EXTENSION = Pattern.compile("\\.[a-z0-9][a-z0-9._+-]{0,31}");

	private static final List<String> ROLES = List.of("admin", "user", "guest");

	private UploadPolicyValidation() {
	}

	static void check(UploadPolicyDocument policy) {
		if (policy == null || policy.rules() == null) {
			throw FileException.invalidPolicy("Send {\"rules\": [...]}; an empty list removes every rule.");
		}
		if (policy.rules().size() > MAX_RULES) {
			throw FileException.invalidPolicy("At most " + MAX_RULES + " rules.");
		}
		for (int i = 0; i < policy.rules().size(); i++) {
			check(i + 1, policy.rules().get(i));
		}
	}

	private static void check(int index, UploadRule rule) {
		String where = "Rule " + index + ": ";
		if (rule == null) {
			throw FileException.invalidPolicy(where + "a rule is an object.");
		}
		if (rule.name() != null && (rule.name().isBlank() || rule.name().length() > 100)) {
			throw FileException.invalidPolicy(where + "a name has 1 to 100 characters.");
		}
		entries(where, "roles", rule.roles(), (r) -> ROLES.contains(r), "admin, user or guest");
		entries(where, "allowed_types", rule.allowedTypes(), (t) -> TYPE.matcher(t).matches(),
				"a media type such as text/plain or image/*");
		entries(where, "denied_types", rule.deniedTypes(), (t) -> TYPE.matcher(t).matches(),
				"a media type such as text/plain or image/*");
		entries(where, "allowed_extensions", rule.allowedExtensions(), (e) -> EXTENSION.matcher(e).matches(),
				"an extension with its dot, such as .txt");
		entries(where, "denied_extensions", rule.deniedExtensions(), (e) -> EXTENSION.matcher(e).matches(),
				"an extension with its dot, such as .exe");
		if ((rule.minSize() != null && rule.minSize() < 0) || (rule.maxSize() != null && rule.maxSize() < 0)) {
			throw FileException.invalidPolicy(where + "sizes are bytes, 0 or more.");
		}
		if (rule.minSize() != null && rule.maxSize() != null && rule.minSize() > rule.maxSize()) {
			throw FileException.invalidPolicy(where + "min_size is larger than max_size.");
		}
	}

	private static void entries(String where, String field, List<String> values, Predicate<String> valid,
			String expected) {
		if (values.size() > MAX_ENTRIES) {
			throw FileException.invalidPolicy(where + field + " has more than " + MAX_ENTRIES + " entries.");
		}
		for (String value : values) {
			if (!valid.test(value)) {
				throw FileException
					.invalidPolicy(where + field + " holds '" + value + "'; each entry is " + expected + ".");
			}
		}
	}

}
