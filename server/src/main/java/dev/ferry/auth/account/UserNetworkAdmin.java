package dev.ferry.auth.account;

import java.util.List;
import java.util.UUID;

import dev.ferry.auth.AccountNetworkRules;
import dev.ferry.auth.AuthException;
import dev.ferry.auth.CurrentUser;
import dev.ferry.auth.Role;

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

	UserNetworkAdmin(UserAdminService users, AccountNetworkRules rules) {
		this.users = users;
		this.rules = rules;
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

	@Transactional(noRollbackFor = AuthException.class)
	UserView update(CurrentUser caller, UUID id, UserChanges changes) {
		UserView updated = users.update(caller, id, changes);
		return updated
			.with(rules.change(id, changes.allowedIps(), changes.allowedCountries(), changes.deniedCountries()));
	}

}
