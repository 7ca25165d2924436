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
import dev.ferry.auth.UserRepository;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The admin API over accounts (their standing: {@link AccountStanding}). Every method
 * checks the caller is an admin first; there is always at least one active admin left.
 */
@Service
class UserAdminService {

	static final int DEFAULT_PAGE = 50;

	static final int MAX_PAGE = 200;

	private final UserRepository users;

	private final AdminTargets targets;

	private final AccountCreator accounts;

	private final AccessPolicy admin;

	private final AuditLog audit;

	private final Clock clock;

	private final AccountEraser eraser;

	UserAdminService(UserRepository users, AdminTargets targets, AccountCreator accounts, AccessPolicy admin,
			AuditLog audit, Clock clock, AccountEraser eraser) {
		this.users = users;
		this.targets = targets;
		this.accounts = accounts;
		this.admin = admin;
		this.audit = audit;
		this.clock = clock;
		this.eraser = eraser;
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
		User user = accounts.create("admin.user_create", email, password, name, role, quotaBytes);
		audit.record(AuditEvent.success("admin.user_create")
			.object("user", user.id())
			.detail("email", user.email())
			.detail("role", role.apiName()));
		return UserView.of(user);
	}

	@Transactional(noRollbackFor = AuthException.class)
	UserView get(CurrentUser caller, UUID id) {
		admin.requireAdmin(caller, "admin.user_read");
		User user = targets.find(id, "admin.user_read");
		audit.record(AuditEvent.success("admin.user_read").object("user", id));
		return UserView.of(user);
	}

	@Transactional(noRollbackFor = AuthException.class)
	/** Refuses (403, audited) a caller who may not change accounts. */
	void requireAdmin(CurrentUser caller) {
		admin.requireAdmin(caller, "admin.user_update");
	}

	UserView update(CurrentUser caller, UUID id, UserChanges changes) {
		admin.requireAdmin(caller, "admin.user_update");
		User user = targets.findForChange(id, "admin.user_update");
		Role role = changes.role().map(Role::of).orElse(user.role());
		if (role != Role.ADMIN) {
			targets.requireAnotherAdmin(user, "admin.user_update", "demote");
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
		User user = targets.find(id, "admin.user_delete");
		targets.requireAnotherAdmin(user, "admin.user_delete", "delete");
		eraser.erase(user, "admin.user_delete");
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
