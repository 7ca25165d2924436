package dev.ferry.auth.account;

import java.util.UUID;

import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.AuthException;
import dev.ferry.auth.User;
import dev.ferry.auth.UserRepository;

import org.springframework.stereotype.Component;

/**
 * The accounts an admin acts on: found by id (404 otherwise), and never the last active
 * admin when the action would take that role away.
 */
@Component
class AdminTargets {

	private final UserRepository users;

	private final AuditLog audit;

	AdminTargets(UserRepository users, AuditLog audit) {
		this.users = users;
		this.audit = audit;
	}

	User find(UUID id) {
		return this.users.findById(id).orElseThrow(() -> AuthException.notFound("user"));
	}

	/**
	 * Like {@link #find(UUID, String)}, for a change written back from what it read: the
	 * account's row is locked first (inside the caller's transaction), so a suspension
	 * and a rename at once cannot undo each other.
	 */
	User findForChange(UUID id, String action) {
		this.users.lock(id);
		return find(id, action);
	}

	/** {@link #findForChange(UUID, String)} for callers that audit for themselves. */
	User findForChange(UUID id) {
		this.users.lock(id);
		return find(id);
	}

	/**
	 * Like {@link #find(UUID)}, with an unknown id audited as a failed {@code action}.
	 */
	User find(UUID id, String action) {
		return this.users.findById(id).orElseThrow(() -> {
			this.audit.record(AuditEvent.failure(action).object("user", id).detail("reason", "not_found"));
			return AuthException.notFound("user");
		});
	}

	/**
	 * Refuses to take away the last active admin (the caller may be that admin); call it
	 * inside the transaction that takes the admin away, which then holds the admins'
	 * rows.
	 */
	void requireAnotherAdmin(User user, String action, String verb) {
		boolean activeAdmin = user.isActiveAdmin();
		if (activeAdmin) {
			this.users.lockActiveAdmins();
		}
		if (activeAdmin && this.users.otherActiveAdmins(user.id()) == 0) {
			this.audit.record(AuditEvent.failure(action).object("user", user.id()).detail("reason", "last_admin"));
			throw AuthException.conflict("last-admin", "Last admin",
					"Cannot " + verb + " the last active administrator; make another account admin first.");
		}
	}

}
