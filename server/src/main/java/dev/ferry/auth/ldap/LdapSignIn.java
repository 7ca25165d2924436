package dev.ferry.auth.ldap;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.unboundid.ldap.sdk.LDAPException;
import dev.ferry.auth.DirectoryGroups;
import dev.ferry.auth.ProviderHealth;
import dev.ferry.auth.SignInProviderReport;
import dev.ferry.auth.User;
import dev.ferry.auth.session.DirectoryPasswords;
import dev.ferry.auth.session.FirstFactor;

import org.springframework.stereotype.Service;

/**
 * {@link DirectoryPasswords} for an LDAP directory or Active Directory, on when
 * {@code FERRY_LDAP_URL} is set: decides for addresses without a Ferry account and for
 * the accounts it provisioned; binds as the user's entry; maps its groups to a role and,
 * with {@code FERRY_LDAP_GROUP_MAP}, to Ferry group memberships. Reports its status (the
 * last successful sign-in, the last error) to the admin area.
 */
@Service
class LdapSignIn implements DirectoryPasswords, SignInProviderReport {

	static final String PROVIDER_ID = "ldap";

	private final LdapProperties properties;

	private final DirectoryAccounts accounts;

	private final ProviderHealth health;

	private final LdapDirectory directory;

	private final LdapRoles roles;

	private final LdapGroups groups;

	private final DirectoryGroups memberships;

	LdapSignIn(LdapProperties properties, DirectoryAccounts accounts, DirectoryGroups memberships, Clock clock) {
		this.properties = properties;
		this.accounts = accounts;
		this.memberships = memberships;
		this.groups = new LdapGroups(properties.groupMap());
		this.health = new ProviderHealth(clock);
		this.directory = properties.enabled() ? new LdapDirectory(properties) : null;
		this.roles = properties.enabled() ? new LdapRoles(properties) : null;
	}

	@Override
	public boolean decides(Optional<User> account) {
		return properties.enabled() && account.map((user) -> accounts.isDirectoryAccount(user.id())).orElse(true);
	}

	@Override
	public boolean manages(UUID userId) {
		return accounts.isDirectoryAccount(userId);
	}

	@Override
	public FirstFactor.Outcome authenticate(String login, Optional<User> account, String password) {
		User known = account.orElse(null);
		Optional<DirectoryEntry> entry;
		try {
			entry = directory.authenticate(login, password);
		}
		catch (LdapDirectory.WrongPassword ex) {
			return FirstFactor.Outcome.failed(login, known, "wrong_password");
		}
		catch (LDAPException ex) {
			health.failed(ex.getResultCode().getName());
			return FirstFactor.Outcome.failed(login, known, FirstFactor.Outcome.DIRECTORY_UNAVAILABLE);
		}
		if (entry.isEmpty()) {
			// A provisioned account whose entry is gone: removed from the directory.
			return FirstFactor.Outcome.failed(login, known, (known != null) ? "not_in_directory" : "unknown_account");
		}
		DirectoryAccounts.Resolved resolved = accounts.resolve(entry.get(), roles.map(entry.get().groups()),
				properties.autoProvision());
		if (resolved.refusal() != null) {
			health.failed(resolved.refusal());
			return FirstFactor.Outcome.denied(login, resolved.user(), resolved.refusal());
		}
		if (groups.syncs()) {
			memberships.sync(resolved.user(), PROVIDER_ID, groups.managed(), groups.memberOf(entry.get().groups()));
		}
		health.succeeded();
		return FirstFactor.Outcome.passed(login, resolved.user(), PROVIDER_ID);
	}

	/**
	 * This directory's status; asking binds as the service account first, so a directory
	 * gone away shows at once, and a working one as a successful bind.
	 */
	@Override
	public List<ProviderHealth.Status> providers() {
		if (!properties.enabled()) {
			return List.of();
		}
		try {
			directory.probe();
			health.succeeded();
		}
		catch (LDAPException ex) {
			health.failed("unreachable: " + ex.getResultCode().getName());
		}
		return List.of(health.status(PROVIDER_ID, PROVIDER_ID, properties.name(), properties.url(),
				Map.of("group_sync", groups.syncs() ? "on" : "off")));
	}

}
