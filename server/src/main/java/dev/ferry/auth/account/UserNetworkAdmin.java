package dev.ferry.auth.account;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.AccountNetworkRules;
import dev.ferry.auth.AuthException;
import dev.ferry.auth.CurrentUser;
import dev.ferry.auth.Role;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The admin user API with the account's network rules ({@code allowed_ips},
 * {@code allowed_countries}, {@code denied_countries}): the account and its rules are
 * written in one transaction, so rules refused with 400 leave the account as it was.
 */
@Service
class UserNetworkAdmin {

	private final UserAdminService users;

	private final AccountNetworkRules rules;

	private final AuditLog audit;

	UserNetworkAdmin(UserAdminService users, AccountNetworkRules rules, AuditLog audit) {
		this.users = users;
		this.rules = rules;
		this.audit = audit;
	}

	@Transactional(noRollbackFor = AuthException.class)
	UserView create(CurrentUser caller, String email, String password, String name, Role role, Long quotaBytes,
			List<String> allowedIps, List<String> allowedCountries, List<String> deniedCountries) {
		UserView created = users.create(caller, email, password, name, role, quotaBytes);
		return created.with(rules.change(UUID.fromString(created.id()), allowedIps, allowedCountries, deniedCountries));
	}

	@Transactional(noRollbackFor = AuthException.class)
	UserView get(CurrentUser caller, UUID id) {
		return users.get(caller, id).with(rules.of(id));
	}

	/**
	 * {@code address}: the caller's. Rules an administrator sets on their own account
	 * must admit it (409, audited, nothing changed), so nobody locks themselves out,
	 * perhaps as the last administrator, by a typo.
	 */
	@Transactional(noRollbackFor = AuthException.class)
	UserView update(CurrentUser caller, UUID id, UserChanges changes, String address) {
		if (id.equals(caller.userId())) {
			users.requireAdmin(caller);
			Optional<String> exclusion = rules.exclusion(id, changes.allowedIps(), changes.allowedCountries(),
					changes.deniedCountries(), address);
			if (exclusion.isPresent()) {
				audit.record(AuditEvent.failure("admin.user_update")
					.object("user", id)
					.detail("reason", "would_lock_out")
					.detail("exclusion", exclusion.get()));
				throw new AuthException(HttpStatus.CONFLICT, "rules-lock-you-out", "These rules would lock you out",
						"These rules refuse your own current address " + address + " (" + exclusion.get()
								+ "); include your network, or have another administrator set them.");
			}
		}
		UserView updated = users.update(caller, id, changes);
		return updated
			.with(rules.change(id, changes.allowedIps(), changes.allowedCountries(), changes.deniedCountries()));
	}

}
