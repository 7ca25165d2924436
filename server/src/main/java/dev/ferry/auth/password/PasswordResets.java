package dev.ferry.auth.password;

import java.time.Clock;
import java.time.Instant;

import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.AuthException;
import dev.ferry.auth.User;
import dev.ferry.auth.UserRepository;
import dev.ferry.auth.session.SessionService;
import dev.ferry.crypto.SecureTokens;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Resetting a forgotten password with the token a {@link ResetMail} sent: single use (it
 * spends the account's other tokens too), the new password meets the policy, and every
 * session of the account ends.
 */
@Service
class PasswordResets {

	private final PasswordResetRepository resets;

	private final UserRepository users;

	private final NewPasswords passwords;

	private final SessionService sessions;

	private final AuditLog audit;

	private final Clock clock;

	PasswordResets(PasswordResetRepository resets, UserRepository users, NewPasswords passwords,
			SessionService sessions, AuditLog audit, Clock clock) {
		this.resets = resets;
		this.users = users;
		this.passwords = passwords;
		this.sessions = sessions;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional(noRollbackFor = AuthException.class)
	void confirm(String token, String newPassword) {
		Instant now = clock.instant();
		String hash = SecureTokens.hash(token);
		// A link mailed before a suspension must not set the suspended account's
		// password.
		User user = resets.findLive(hash, now).flatMap(users::findById).filter(User::isActive).orElseThrow(() -> {
			audit.record(AuditEvent.failure("auth.password_reset").detail("reason", "invalid_token"));
			return AuthException.invalidResetToken();
		});
		passwords.requireFerryPassword(user, "auth.password_reset");
		passwords.check("password", newPassword, user.id(), "auth.password_reset");
		if (!resets.use(hash, now)) {
			throw AuthException.invalidResetToken();
		}
		passwords.set(user, newPassword);
		sessions.revokeAll(user.id(), "password_reset");
		audit.record(AuditEvent.success("auth.password_reset").by(user.auditActor()).object("user", user.id()));
	}

}
