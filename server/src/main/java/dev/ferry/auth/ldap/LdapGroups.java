package dev.ferry.auth.ldap;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Directory groups to Ferry groups: {@code FERRY_LDAP_GROUP_MAP} ({@code group=Ferry
 * group}, comma-separated, directory group names compared ignoring case). Only the mapped
 * Ferry groups are managed by sign-ins; membership anywhere else is left alone.
 */
final class LdapGroups {

	private final Map<String, String> table = new LinkedHashMap<>();

	LdapGroups(String map) {
		if (map == null || map.isBlank()) {
			return;
		}
		for (String pair : map.split(",")) {
			int equals = pair.lastIndexOf('=');
			if (equals <= 0 || equals == pair.length() - 1) {
				throw new IllegalStateException("Expected group=Ferry group in FERRY_LDAP_GROUP_MAP, got: " + pair);
			}
			table.put(pair.substring(0, equals).strip().toLowerCase(Locale.ROOT), pair.substring(equals + 1).strip());
		}
	}

	/** Whether sign-ins sync group memberships at all. */
	boolean syncs() {
		return !table.isEmpty();
	}

	/** The Ferry groups sign-ins manage. */
	Set<String> managed() {
		return Set.copyOf(table.values());
	}

	/** The managed Ferry groups these directory groups map to. */
	Set<String> memberOf(Collection<String> groups) {
		return groups.stream()
			.map((group) -> table.get(group.toLowerCase(Locale.ROOT)))
			.filter((group) -> group != null)
			.collect(Collectors.toUnmodifiableSet());
	}

}
