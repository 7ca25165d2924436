package dev.ferry.auth.account;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.AccountProvisioning;
import dev.ferry.auth.AuthException;
import dev.ferry.auth.Role;
import dev.ferry.auth.User;
import dev.ferry.auth.UserRepository;
import dev.ferry.auth.UserStatus;
import dev.ferry.auth.session.SessionService;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts pushed by an identity provider. The caller (the SCIM module) has checked its
 * credential and audits each operation; the rules an admin is held to apply here too.
 */
@Component
class ProvisionedAccounts implements AccountProvisioning {

	private final UserRepository users;

	private final AccountRows rows;

	private final AdminTargets targets;

	private final SessionService sessions;

	private final AccountEraser eraser;

	private final Clock clock;

	private final AuditLog audit;

	ProvisionedAccounts(UserRepository users, AccountRows rows, AdminTargets targets, SessionService sessions,
			AccountEraser eraser, Clock clock, AuditLog audit) {
		this.audit = audit;
		this.users = users;
		this.rows = rows;
		this.targets = targets;
		this.sessions = sessions;
		this.eraser = eraser;
		this.clock = clock;
	}

	@Override
	@Transactional(noRollbackFor = AuthException.class)
	public User create(String email, String name, boolean active) {
		requireFree(email, null);
		Instant now = clock.instant();
		User user = new User(UUID.randomUUID(), UserRepository.normalize(email), AccountCreator.blankToNull(name), null,
				Role.USER, active ? UserStatus.ACTIVE : UserStatus.SUSPENDED, null, now, now);
		if (!rows.insert(user)) {
			throw AccountCreator.emailTaken();
		}
		return users.findById(user.id()).orElseThrow();
	}

	@Override
	@Transactional
	public User current(UUID id) {
		return targets.findForChange(id);
	}

	@Override
	@Transactional(noRollbackFor = AuthException.class)
	public User update(UUID id, String email, String name, boolean active) {
		User user = targets.findForChange(id);
		if (!active) {
			targets.requireAnotherAdmin(user, "scim.user_update", "suspend");
		}
		else if (user.role() == Role.ADMIN && !user.isActive()) {
			// An administrator suspended in Ferry (left, or compromised) would come back
			// with the role, the password and the API keys the suspension left in place.
			audit.record(
					AuditEvent.denied("scim.user_update").object("user", id).detail("reason", "admin_reactivation"));
			throw AuthException.forbidden("A suspended administrator is reactivated in Ferry, not by the identity"
					+ " provider: reactivate the account there, or make it a user first.");
		}
		Instant now = clock.instant();
		if (!user.email().equals(UserRepository.normalize(email))) {
			if (user.role() == Role.ADMIN) {
				audit.record(AuditEvent.denied("scim.user_update").object("user", id).detail("reason", "admin_email"));
				throw AuthException.forbidden("An administrator's email is changed in Ferry, not by the identity"
						+ " provider: change the other attributes only, or make the account a user first.");
			}
			requireFree(email, id);
			users.changeEmail(id, email, now);
		}
		User updated = new User(id, UserRepository.normalize(email), AccountCreator.blankToNull(name),
				user.passwordHash(), user.role(), active ? UserStatus.ACTIVE : UserStatus.SUSPENDED, user.quotaBytes(),
				user.createdAt(), now);
		users.update(updated);
		if (!active) {
			sessions.revokeAll(id, "suspended");
		}
		return users.findById(id).orElseThrow();
	}

	@Override
	@Transactional(noRollbackFor = AuthException.class)
	public void delete(UUID id) {
		User user = targets.find(id);
		targets.requireAnotherAdmin(user, "scim.user_delete", "delete");
		// An erasure, as when an administrator deletes the account: the trail keeps a
		// pseudonym only.
		eraser.erase(user, "scim.user_delete");
	}

	@Override
	public List<User> page(int offset, int limit) {
		return users.slice(offset, limit);
	}

	@Override
	public long count() {
		return users.count();
	}

	private void requireFree(String email, UUID self) {
		users.findByEmail(email).filter((other) -> !other.id().equals(self)).ifPresent((other) -> {
			throw AccountCreator.emailTaken();
		});
	}

}
