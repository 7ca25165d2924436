package dev.ferry.auth.ldap;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import com.unboundid.ldap.sdk.LDAPException;
import dev.ferry.auth.DirectoryGroups;
import dev.ferry.auth.ProviderHealth;
import dev.ferry.auth.SignInProviderReport;
import dev.ferry.auth.User;
import dev.ferry.auth.session.DirectoryPasswords;
import dev.ferry.auth.session.FirstFactor;
import dev.ferry.auth.session.SessionService;

import org.springframework.stereotype.Service;

/**
 * {@link DirectoryPasswords} for an LDAP directory or Active Directory, on when
 * {@code FERRY_LDAP_URL} is set: decides for addresses without a Ferry account and for
 * the accounts it provisioned; binds as the user's entry; maps its groups to a role and,
 * with {@code FERRY_LDAP_GROUP_MAP}, to Ferry group memberships. An account whose entry
 * was removed or disabled loses its sessions at its next refresh or sign-in attempt.
 * Reports its status (the last successful sign-in, the last error) to the admin area.
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

	private final SessionService sessions;

	LdapSignIn(LdapProperties properties, DirectoryAccounts accounts, DirectoryGroups memberships,
			SessionService sessions, Clock clock) {
		this.properties = properties;
		this.accounts = accounts;
		this.memberships = memberships;
		this.sessions = sessions;
		this.groups = new LdapGroups(properties.groupMap());
		this.health = new ProviderHealth(clock);
		this.directory = properties.enabled() ? new LdapDirectory(properties, clock) : null;
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
	public FirstFactor.Outcome authenticate(String login, Optional<User> account, String password,
			Consumer<String> beforeBind) {
		User known = account.orElse(null);
		Optional<DirectoryEntry> entry;
		try {
			entry = directory.authenticate(login, password, beforeBind);
		}
		catch (LdapDirectory.WrongPassword ex) {
			return FirstFactor.Outcome.failed(login, known, "wrong_password");
		}
		catch (LDAPException ex) {
			health.failed(ex.getResultCode().getName());
			return FirstFactor.Outcome.failed(login, known, FirstFactor.Outcome.DIRECTORY_UNAVAILABLE);
		}
		if (entry.isEmpty()) {
			if (known == null) {
				return FirstFactor.Outcome.failed(login, null, "unknown_account");
			}
			// Nothing matched what was typed, which says nothing of the entry itself (its
			// mail changed, or the filter matches uids only): only an entry gone or
			// disabled at the account's own DN ends the sessions still signed in, or
			// anybody could end them by typing the address.
			Optional<String> withdrawn = withdrawal(known.id());
			if (withdrawn.isEmpty()) {
				return FirstFactor.Outcome.failed(login, known, "unknown_account");
			}
			sessions.revokeAll(known.id(), withdrawn.get());
			return FirstFactor.Outcome.failed(login, known, withdrawn.get());
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

	@Override
	public Optional<String> withdrawal(UUID userId) {
		Optional<DirectoryAccountRepository.Link> link = properties.enabled() ? accounts.linkOf(userId)
				: Optional.empty();
		if (link.isEmpty()) {
			return Optional.empty();
		}
		try {
			return directory.withdrawal(link.get());
		}
		catch (LDAPException ex) {
			// A directory that cannot answer ends nobody's sessions; the admin area shows
			// it.
			health.failed(ex.getResultCode().getName());
			return Optional.empty();
		}
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
