package dev.ferry.protect;

import java.util.Arrays;
import java.util.List;

/**
 * Who may use an object: client networks ({@code allowedIps}, CIDR) and countries (ISO
 * 3166 alpha-2). Empty lists mean no restriction of that kind. Build checked ones with
 * {@link AccessGuard#rules}.
 */
public record AccessRules(List<String> allowedIps, List<String> allowedCountries, List<String> deniedCountries) {

	public static final AccessRules NONE = new AccessRules(null, null, null);

	public AccessRules {
		allowedIps = (allowedIps != null) ? List.copyOf(allowedIps) : List.of();
		allowedCountries = (allowedCountries != null) ? List.copyOf(allowedCountries) : List.of();
		deniedCountries = (deniedCountries != null) ? List.copyOf(deniedCountries) : List.of();
	}

	/** Rules read back from storage, where each list is one comma-separated column. */
	public static AccessRules stored(String allowedIps, String allowedCountries, String deniedCountries) {
		return new AccessRules(split(allowedIps), split(allowedCountries), split(deniedCountries));
	}

	/** A list in its storage form: comma-separated, null when empty. */
	public static String join(List<String> values) {
		return values.isEmpty() ? null : String.join(",", values);
	}

	public boolean isEmpty() {
		return allowedIps.isEmpty() && !hasCountries();
	}

	public boolean hasCountries() {
		return !allowedCountries.isEmpty() || !deniedCountries.isEmpty();
	}

	private static List<String> split(String column) {
		return (column == null || column.isBlank()) ? List.of() : Arrays.asList(column.split(","));
	}

}
