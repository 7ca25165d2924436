package dev.ferry.auth.ldap;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.FirstSignInRace;
import dev.ferry.auth.Role;
import dev.ferry.auth.User;
import dev.ferry.auth.UserRepository;
import dev.ferry.auth.UserStatus;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Ferry account behind a directory entry: the one linked to its DN, else (if
 * {@code FERRY_LDAP_AUTO_PROVISION}) a new account without a Ferry password. An existing
 * account with the entry's mail that the directory did not provision is never taken over.
 * The role follows the entry's groups at every sign-in, except that the last active admin
 * is never demoted.
 */
@Component
class DirectoryAccounts {

	private final DirectoryAccountRepository links;

	private final UserRepository users;

	private final AuditLog audit;

	private final Clock clock;

	private final FirstSignInRace race;

	DirectoryAccounts(DirectoryAccountRepository links, UserRepository users, AuditLog audit, Clock clock,
			FirstSignInRace race) {
		this.race = race;
		this.links = links;
		this.users = users;
		this.audit = audit;
		this.clock = clock;
	}

	boolean isDirectoryAccount(UUID userId) {
		return links.exists(userId);
	}

	/** The entry that provisioned this account, if the directory did. */
	Optional<DirectoryAccountRepository.Link> linkOf(UUID userId) {
		return links.find(userId);
	}

	/** The account, or the reason there is none ({@code account_exists}...). */
	@Transactional
	Resolved resolve(DirectoryEntry entry, Role role, boolean autoProvision) {
		return race.settle(() -> resolveOnce(entry, role, autoProvision))
			.orElse(new Resolved(null, "concurrent_sign_in"));
	}

	private Resolved resolveOnce(DirectoryEntry entry, Role role, boolean autoProvision) {
		Instant now = clock.instant();
		Optional<User> linked = links.findByDn(entry.dn()).flatMap(users::findById);
		if (linked.isPresent()) {
			// Another person given the DN of an entry since deleted (a reused uid) is not
			// handed its account, files and keys.
			if (!links.find(linked.get().id()).map((link) -> link.admits(entry.entryId())).orElse(true)) {
				return new Resolved(null, "entry_replaced");
			}
			links.touch(linked.get().id(), entry, now);
			return new Resolved(syncRole(linked.get(), role, now), null);
		}
		if (entry.email() == null || entry.email().isBlank()) {
			return new Resolved(null, "no_email");
		}
		Optional<User> existing = users.findByEmail(entry.email());
		if (existing.isPresent()) {
			return new Resolved(existing.get(), links.exists(existing.get().id()) ? "dn_changed" : "account_exists");
		}
		if (!autoProvision) {
			return new Resolved(null, "not_provisioned");
		}
		User user = new User(UUID.randomUUID(), UserRepository.normalize(entry.email()),
				(entry.name() != null && !entry.name().isBlank()) ? entry.name() : null, null, role, UserStatus.ACTIVE,
				null, now, now);
		users.insert(user);
		links.link(user.id(), entry, now);
		audit.record(AuditEvent.success("auth.ldap_provision")
			.by(user.auditActor())
			.object("user", user.id())
			.detail("role", role.apiName()));
		return new Resolved(users.findById(user.id()).orElseThrow(), null);
	}

	private User syncRole(User signingIn, Role role, Instant now) {
		if (role == signingIn.role()) {
			return signingIn;
		}
		// Written back whole: read again under the row's lock, so that a suspension since
		// the sign-in began is not undone.
		users.lock(signingIn.id());
		User user = users.findById(signingIn.id()).orElse(signingIn);
		if (role == user.role()) {
			return user;
		}
		if (user.isActiveAdmin() && users.otherActiveAdmins(user.id()) == 0) {
			return user;
		}
		User updated = new User(user.id(), user.email(), user.name(), user.passwordHash(), role, user.status(),
				user.quotaBytes(), user.createdAt(), now);
		users.update(updated);
		audit.record(AuditEvent.success("auth.ldap_role_change")
			.by(user.auditActor())
			.object("user", user.id())
			.detail("from", user.role().apiName())
			.detail("to", role.apiName()));
		return updated;
	}

	/** The account, or (with {@code user} when one is known) why it cannot sign in. */
	record Resolved(User user, String refusal) {
	}

}
