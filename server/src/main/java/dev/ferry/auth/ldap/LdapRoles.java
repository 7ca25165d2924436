package dev.ferry.auth.ldap;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import dev.ferry.auth.Role;

/**
 * Directory groups to one Ferry role: {@code FERRY_LDAP_ROLE_MAP} ({@code group=role},
 * comma-separated, group names compared ignoring case). Several matches give the most
 * privileged role, none gives {@code FERRY_LDAP_DEFAULT_ROLE}.
 */
final class LdapRoles {

	private final Map<String, Role> table = new LinkedHashMap<>();

	private final Role fallback;

	LdapRoles(LdapProperties properties) {
		String map = properties.roleMap();
		if (map != null && !map.isBlank()) {
			for (String pair : map.split(",")) {
				int equals = pair.lastIndexOf('=');
				if (equals <= 0 || equals == pair.length() - 1) {
					throw new IllegalStateException("Expected group=role in FERRY_LDAP_ROLE_MAP, got: " + pair);
				}
				table.put(pair.substring(0, equals).strip().toLowerCase(Locale.ROOT),
						role(pair.substring(equals + 1).strip()));
			}
		}
		this.fallback = role(properties.defaultRole());
	}

	/** The role these groups map to: the first of admin, user, guest one maps to. */
	Role map(Collection<String> groups) {
		return groups.stream()
			.map((group) -> table.get(group.toLowerCase(Locale.ROOT)))
			.filter((role) -> role != null)
			.min(Enum::compareTo)
			.orElse(fallback);
	}

	private static Role role(String name) {
		if (name == null || !name.matches(Role.PATTERN)) {
			throw new IllegalStateException(
					"The LDAP role map names an unknown Ferry role (admin, user or guest): " + name);
		}
		return Role.of(name);
	}

}
