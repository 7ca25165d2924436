package dev.ferry.auth;

import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;

import org.springframework.stereotype.Component;

/** The admin check every admin service method starts with; a refusal is audited. */
@Component
class AdminAccess {

	private final AuditLog audit;

	AdminAccess(AuditLog audit) {
		this.audit = audit;
	}

	void require(CurrentUser caller, String action) {
		if (caller.isAdmin()) {
			return;
		}
		boolean keyWithoutScope = caller.role() == Role.ADMIN;
		audit.record(AuditEvent.denied(action).detail("reason", keyWithoutScope ? "missing_admin_scope" : "not_admin"));
		throw AuthException
			.forbidden(keyWithoutScope ? "This API key lacks the 'admin' scope." : "Only administrators may do this.");
	}

}
