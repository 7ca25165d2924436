package dev.ferry.auth.account;

import java.time.Clock;
import java.util.UUID;

import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.AccessPolicy;
import dev.ferry.auth.AuthException;
import dev.ferry.auth.CurrentUser;
import dev.ferry.auth.User;
import dev.ferry.auth.UserRepository;
import dev.ferry.auth.UserStatus;
import dev.ferry.auth.session.CredentialLimits;
import dev.ferry.auth.session.SessionService;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The admin API over an account's standing: suspending it (which ends its sessions),
 * lifting the suspension, lifting a lockout. Admins only; there is always at least one
 * active admin left.
 */
@Service
class AccountStanding {

	private final UserRepository users;

	private final AdminTargets targets;

	private final SessionService sessions;

	private final CredentialLimits limits;

	private final AccessPolicy admin;

	private final AuditLog audit;

	private final Clock clock;

	AccountStanding(UserRepository users, AdminTargets targets, SessionService sessions, CredentialLimits limits,
			AccessPolicy admin, AuditLog audit, Clock clock) {
		this.users = users;
		this.targets = targets;
		this.sessions = sessions;
		this.limits = limits;
		this.admin = admin;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional(noRollbackFor = AuthException.class)
	UserView suspend(CurrentUser caller, UUID id) {
		admin.requireAdmin(caller, "admin.user_suspend");
		User user = targets.findForChange(id, "admin.user_suspend");
		targets.requireAnotherAdmin(user, "admin.user_suspend", "suspend");
		User suspended = withStatus(user, UserStatus.SUSPENDED);
		users.update(suspended);
		sessions.revokeAll(id, "suspended");
		audit.record(AuditEvent.success("admin.user_suspend").object("user", id));
		return UserView.of(suspended);
	}

	@Transactional(noRollbackFor = AuthException.class)
	UserView unsuspend(CurrentUser caller, UUID id) {
		admin.requireAdmin(caller, "admin.user_unsuspend");
		User active = withStatus(targets.findForChange(id, "admin.user_unsuspend"), UserStatus.ACTIVE);
		users.update(active);
		audit.record(AuditEvent.success("admin.user_unsuspend").object("user", id));
		return UserView.of(active);
	}

	/**
	 * Lifts a lockout after too many wrong passwords or codes: the account's own counter
	 * is full again at once.
	 */
	@Transactional(noRollbackFor = AuthException.class)
	void liftLockout(CurrentUser caller, UUID id) {
		admin.requireAdmin(caller, "admin.user_lockout_lift");
		User user = targets.find(id, "admin.user_lockout_lift");
		limits.lift(user);
		audit.record(AuditEvent.success("admin.user_lockout_lift").object("user", id));
	}

	private User withStatus(User user, UserStatus status) {
		return new User(user.id(), user.email(), user.name(), user.passwordHash(), user.role(), status,
				user.quotaBytes(), user.createdAt(), clock.instant());
	}

}
