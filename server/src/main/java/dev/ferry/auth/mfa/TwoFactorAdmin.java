package dev.ferry.auth.mfa;

import java.util.Map;
import java.util.UUID;

import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.AccessPolicy;
import dev.ferry.auth.AuthException;
import dev.ferry.auth.CurrentUser;
import dev.ferry.auth.User;
import dev.ferry.auth.UserRepository;
import dev.ferry.auth.session.SessionService;
import dev.ferry.notify.Mailer;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An admin removes a user's second factors (a lost phone): audited, and the user is told
 * by mail when mail is on.
 */
@Service
class TwoFactorAdmin {

	private final SessionService sessions;

	private final TwoFactorService twoFactor;

	private final UserRepository users;

	private final AccessPolicy admin;

	private final Mailer mail;

	private final AuditLog audit;

	TwoFactorAdmin(TwoFactorService twoFactor, UserRepository users, AccessPolicy admin, Mailer mail, AuditLog audit,
			SessionService sessions) {
		this.sessions = sessions;
		this.twoFactor = twoFactor;
		this.users = users;
		this.admin = admin;
		this.mail = mail;
		this.audit = audit;
	}

	@Transactional(noRollbackFor = AuthException.class)
	void reset(CurrentUser caller, UUID userId) {
		admin.requireAdmin(caller, "admin.user_2fa_reset");
		User user = users.findById(userId).orElseThrow(() -> {
			audit.record(
					AuditEvent.failure("admin.user_2fa_reset").object("user", userId).detail("reason", "not_found"));
			return AuthException.notFound("user");
		});
		boolean removed = twoFactor.removeAll(user.id());
		// A reset follows a lost or stolen device: what signed in with it ends too.
		int ended = sessions.revokeAll(user.id(), null, "second_factor_reset");
		boolean notified = mail.send(user.email(), "account-2fa-reset", Map.of("email", user.email()));
		audit.record(AuditEvent.success("admin.user_2fa_reset")
			.object("user", user.id())
			.detail("had_second_factor", removed)
			.detail("sessions_ended", ended)
			.detail("notified", notified));
	}

}
