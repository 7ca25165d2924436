package dev.ferry.auth.oidc;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.ferry.auth.Role;

/**
 * Turns a provider's role or group values into one Ferry role. The table is the
 * provider's {@code role-map} plus the {@code admin-role} and {@code guest-role}
 * shorthands; with none of them configured, values named like Ferry's roles
 * ({@code admin}, {@code user}, {@code guest}) map to those roles, which is what a
 * Keycloak realm with these realm roles sends. Several matches give the most privileged
 * role; none gives the default role.
 */
final class RoleMapping {

	private final Map<String, Role> table = new LinkedHashMap<>();

	private final Role fallback;

	RoleMapping(AccountRules provider) {
		provider.roleMap().forEach((value, role) -> this.table.put(value, role(provider, role)));
		if (provider.adminRole() != null && !provider.adminRole().isBlank()) {
			this.table.put(provider.adminRole(), Role.ADMIN);
		}
		if (provider.guestRole() != null && !provider.guestRole().isBlank()) {
			this.table.putIfAbsent(provider.guestRole(), Role.GUEST);
		}
		if (this.table.isEmpty()) {
			for (Role role : Role.values()) {
				this.table.put(role.apiName(), role);
			}
		}
		this.fallback = role(provider, provider.defaultRole());
	}

	/** The role for these values: the first of admin, user, guest that one maps to. */
	Role map(Collection<String> values) {
		Optional<Role> best = values.stream().map(table::get).filter((role) -> role != null).min(Enum::compareTo);
		return best.orElse(fallback);
	}

	Role fallback() {
		return fallback;
	}

	private static Role role(AccountRules provider, String name) {
		if (name == null || !name.matches(Role.PATTERN)) {
			throw new IllegalStateException("Sign-in provider " + provider.source()
					+ " maps to an unknown Ferry role (admin, user or guest): " + name);
		}
		return Role.of(name);
	}

}
