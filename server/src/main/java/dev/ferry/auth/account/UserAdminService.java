package dev.ferry.auth.account;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.AccessPolicy;
import dev.ferry.auth.AuthException;
import dev.ferry.auth.CurrentUser;
import dev.ferry.auth.Role;
import dev.ferry.auth.User;
import dev.ferry.auth.UserDeletionStarted;
import dev.ferry.auth.UserRepository;
import dev.ferry.auth.UserStatus;
import dev.ferry.auth.session.CredentialLimits;
import dev.ferry.auth.session.SessionService;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The admin API over accounts. Every method checks the caller is an admin first; there is
 * always at least one active admin left.
 */
@Service
class UserAdminService {

	static final int DEFAULT_PAGE = 50;

	static final int MAX_PAGE = 200;

	private final UserRepository users;

	private final AccountCreator accounts;

	private final SessionService sessions;

	private final AccessPolicy admin;

	private final AuditLog audit;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final CredentialLimits limits;

	UserAdminService(UserRepository users, AccountCreator accounts, SessionService sessions, AccessPolicy admin,
			AuditLog audit, Clock clock, ApplicationEventPublisher events, CredentialLimits limits) {
		this.limits = limits;
		this.users = users;
		this.accounts = accounts;
		this.sessions = sessions;
		this.admin = admin;
		this.audit = audit;
		this.clock = clock;
		this.events = events;
	}

	@Transactional(noRollbackFor = AuthException.class)
	UserPage list(CurrentUser caller, Integer limit, String cursor) {
		admin.requireAdmin(caller, "admin.user_list");
		int size = (limit != null) ? limit : DEFAULT_PAGE;
		if (size < 1 || size > MAX_PAGE) {
			throw AuthException.invalidField("limit", "must be between 1 and " + MAX_PAGE);
		}
		List<User> page = users.page(decodeCursor(cursor), size + 1);
		boolean more = page.size() > size;
		List<User> items = more ? page.subList(0, size) : page;
		String next = more ? encodeCursor(items.get(items.size() - 1).email()) : null;
		audit.record(AuditEvent.success("admin.user_list").detail("count", items.size()));
		return new UserPage(items.stream().map(UserView::of).toList(), next);
	}

	@Transactional(noRollbackFor = AuthException.class)
	UserView create(CurrentUser caller, String email, String password, String name, Role role, Long quotaBytes) {
		admin.requireAdmin(caller, "admin.user_create");
		User user = accounts.create(email, password, name, role, quotaBytes);
		audit.record(AuditEvent.success("admin.user_create")
			.object("user", user.id())
			.detail("email", user.email())
			.detail("role", role.apiName()));
		return UserView.of(user);
	}

	@Transactional(noRollbackFor = AuthException.class)
	UserView get(CurrentUser caller, UUID id) {
		admin.requireAdmin(caller, "admin.user_read");
		User user = find(id);
		audit.record(AuditEvent.success("admin.user_read").object("user", id));
		return UserView.of(user);
	}

	@Transactional(noRollbackFor = AuthException.class)
	UserView update(CurrentUser caller, UUID id, UserChanges changes) {
		admin.requireAdmin(caller, "admin.user_update");
		User user = find(id);
		Role role = changes.role().map(Role::of).orElse(user.role());
		if (role != Role.ADMIN) {
			requireAnotherAdmin(user, "admin.user_update", "demote");
		}
		User updated = new User(user.id(), user.email(),
				changes.nameSet() ? AccountCreator.blankToNull(changes.name()) : user.name(), user.passwordHash(), role,
				user.status(), changes.quotaBytesSet() ? changes.quotaBytes() : user.quotaBytes(), user.createdAt(),
				clock.instant());
		users.update(updated);
		audit.record(AuditEvent.success("admin.user_update")
			.object("user", id)
			.detail("changed", changes.changedFields())
			.detail("role", role.apiName()));
		return UserView.of(updated);
	}

	@Transactional(noRollbackFor = AuthException.class)
	void delete(CurrentUser caller, UUID id) {
		admin.requireAdmin(caller, "admin.user_delete");
		User user = find(id);
		requireAnotherAdmin(user, "admin.user_delete", "delete");
		events.publishEvent(new UserDeletionStarted(id));
		users.delete(id);
		audit.record(AuditEvent.success("admin.user_delete").object("user", id).detail("email", user.email()));
	}

	@Transactional(noRollbackFor = AuthException.class)
	UserView suspend(CurrentUser caller, UUID id) {
		admin.requireAdmin(caller, "admin.user_suspend");
		User user = find(id);
		requireAnotherAdmin(user, "admin.user_suspend", "suspend");
		User suspended = withStatus(user, UserStatus.SUSPENDED);
		users.update(suspended);
		sessions.revokeAll(id, "suspended");
		audit.record(AuditEvent.success("admin.user_suspend").object("user", id));
		return UserView.of(suspended);
	}

	@Transactional(noRollbackFor = AuthException.class)
	UserView unsuspend(CurrentUser caller, UUID id) {
		admin.requireAdmin(caller, "admin.user_unsuspend");
		User active = withStatus(find(id), UserStatus.ACTIVE);
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
		User user = find(id);
		limits.lift(user);
		audit.record(AuditEvent.success("admin.user_lockout_lift").object("user", id));
	}

	private User find(UUID id) {
		return users.findById(id).orElseThrow(() -> AuthException.notFound("user"));
	}

	private User withStatus(User user, UserStatus status) {
		return new User(user.id(), user.email(), user.name(), user.passwordHash(), user.role(), status,
				user.quotaBytes(), user.createdAt(), clock.instant());
	}

	/** Refuses to take away the last active admin (the caller may be that admin). */
	private void requireAnotherAdmin(User user, String action, String verb) {
		boolean activeAdmin = user.role() == Role.ADMIN && user.isActive();
		if (activeAdmin && users.otherActiveAdmins(user.id()) == 0) {
			audit.record(AuditEvent.failure(action).object("user", user.id()).detail("reason", "last_admin"));
			throw AuthException.conflict("last-admin", "Last admin",
					"Cannot " + verb + " the last active administrator; make another account admin first.");
		}
	}

	private static String encodeCursor(String email) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(email.getBytes(StandardCharsets.UTF_8));
	}

	private static String decodeCursor(String cursor) {
		if (cursor == null || cursor.isEmpty()) {
			return null;
		}
		try {
			return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw AuthException.invalidField("cursor", "is not a cursor this server handed out");
		}
	}

	/**
	 * One page of users; {@code next_cursor} is always present, null on the last page.
	 */
	record UserPage(List<UserView> items, @JsonInclude(JsonInclude.Include.ALWAYS) String nextCursor) {
	}

}
