package dev.ferry.auth.account;

import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.AuthException;
import dev.ferry.auth.CurrentUser;
import dev.ferry.auth.User;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A user erasing their own account (GDPR Art. 17): only from an interactive session, not
 * with an API key or an app's token, only with the account's email typed as confirmation,
 * and never the last active administrator.
 */
@Service
class SelfErasure {

	static final String ACTION = "account.erase";

	private final AdminTargets targets;

	private final AccountEraser eraser;

	private final AuditLog audit;

	SelfErasure(AdminTargets targets, AccountEraser eraser, AuditLog audit) {
		this.targets = targets;
		this.eraser = eraser;
		this.audit = audit;
	}

	@Transactional(noRollbackFor = AuthException.class)
	void erase(CurrentUser caller, String confirmation) {
		if (caller.sessionId() == null || caller.apiKeyId() != null || caller.appGrantId() != null) {
			audit.record(AuditEvent.denied(ACTION).object("user", caller.userId()).detail("reason", "not_interactive"));
			throw AuthException.interactiveSessionRequired("erase your account");
		}
		if (caller.narrowed()) {
			audit
				.record(AuditEvent.denied(ACTION).object("user", caller.userId()).detail("reason", "narrowed_session"));
			throw AuthException.fullSessionRequired("erase your account");
		}
		User user = targets.find(caller.userId());
		if (!user.email().equalsIgnoreCase(confirmation)) {
			audit.record(AuditEvent.failure(ACTION).object("user", user.id()).detail("reason", "confirmation"));
			throw AuthException.invalidField("confirm", "must be the account's email address");
		}
		targets.requireAnotherAdmin(user, ACTION, "erase");
		eraser.erase(user, ACTION);
	}

}
