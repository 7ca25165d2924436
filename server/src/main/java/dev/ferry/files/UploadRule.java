package dev.ferry.files;

import java.util.List;
import java.util.Locale;

import dev.ferry.auth.Role;

/**
 * One rule of the upload policy: it applies to the accounts of {@code roles} (all when
 * empty) and refuses a file whose content type (detected from its bytes) or extension is
 * not allowed or is denied, or whose size lies outside {@code [minSize, maxSize]}. Types
 * may end in {@code /*}; extensions start with a dot and match the end of the name; both
 * compare case-insensitively.
 */
record UploadRule(String name, List<String> roles, List<String> allowedTypes, List<String> deniedTypes,
		List<String> allowedExtensions, List<String> deniedExtensions, Long minSize, Long maxSize) {

	UploadRule {
		roles = lower(roles);
		allowedTypes = lower(allowedTypes);
		deniedTypes = lower(deniedTypes);
		allowedExtensions = lower(allowedExtensions);
		deniedExtensions = lower(deniedExtensions);
	}

	boolean appliesTo(Role role) {
		return roles.isEmpty() || roles.contains(role.apiName());
	}

	boolean typeAllowed(String type) {
		return (allowedTypes.isEmpty() || matchesAny(allowedTypes, type)) && !matchesAny(deniedTypes, type);
	}

	/** By the name's ending, so {@code .tar.gz} works as well as {@code .gz}. */
	boolean nameAllowed(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		return (allowedExtensions.isEmpty() || allowedExtensions.stream().anyMatch(lower::endsWith))
				&& deniedExtensions.stream().noneMatch(lower::endsWith);
	}

	boolean checksType() {
		return !allowedTypes.isEmpty() || !deniedTypes.isEmpty();
	}

	private static boolean matchesAny(List<String> patterns, String type) {
		for (String pattern : patterns) {
			if (pattern.endsWith("/*") ? type.startsWith(pattern.substring(0, pattern.length() - 1))
					: pattern.equals(type)) {
				return true;
			}
		}
		return false;
	}

	private static List<String> lower(List<String> values) {
		return (values == null) ? List.of()
				: values.stream().map((v) -> (v == null) ? "" : v.trim().toLowerCase(Locale.ROOT)).toList();
	}

}
