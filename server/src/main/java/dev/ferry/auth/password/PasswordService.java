package dev.ferry.auth.password;

import java.util.Optional;

import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.AuthException;
import dev.ferry.auth.ClientInfo;
import dev.ferry.auth.CurrentUser;
import dev.ferry.auth.User;
import dev.ferry.auth.UserRepository;
import dev.ferry.auth.session.CredentialLimits;
import dev.ferry.auth.session.SessionService;
import dev.ferry.auth.session.SignInPolicy;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changing a password, knowing the current one: the new one meets the policy, and every
 * other session of the account ends. Resetting a forgotten one is {@link ResetRequests}'
 * and {@link PasswordResets}'.
 */
@Service
class PasswordService {

	private final UserRepository users;

	private final CredentialLimits credentials;

	private final PasswordEncoder encoder;

	private final NewPasswords passwords;

	private final SessionService sessions;

	private final SignInPolicy signIn;

	private final AuditLog audit;

	PasswordService(UserRepository users, CredentialLimits credentials, PasswordEncoder encoder, NewPasswords passwords,
			SessionService sessions, SignInPolicy signIn, AuditLog audit) {
		this.users = users;
		this.credentials = credentials;
		this.encoder = encoder;
		this.passwords = passwords;
		this.sessions = sessions;
		this.signIn = signIn;
		this.audit = audit;
	}

	@Transactional(noRollbackFor = AuthException.class)
	void change(CurrentUser caller, String currentPassword, String newPassword, ClientInfo client) {
		if (caller.sessionId() == null) {
			audit.record(AuditEvent.denied("auth.password_change").detail("reason", "not_interactive"));
			throw AuthException.interactiveSessionRequired("change your password");
		}
		User user = users.findById(caller.userId()).orElseThrow(AuthException::unauthenticated);
		passwords.requireFerryPassword(user, "auth.password_change");
		// A stolen session must not become a way to guess the password.
		CredentialLimits.Attempt attempt = credentials.acquire("auth.password_change", "password",
				UserRepository.normalize(user.email()), Optional.of(user), client);
		if (user.passwordHash() == null || !encoder.matches(currentPassword, user.passwordHash())) {
			audit.record(AuditEvent.failure("auth.password_change").detail("reason", "wrong_password"));
			throw AuthException.invalidField("current_password", "is wrong");
		}
		credentials.succeeded(attempt);
		passwords.check("new_password", newPassword, user.id(), "auth.password_change");
		passwords.set(user, newPassword);
		int ended = sessions.revokeAll(user.id(), caller.sessionId(), "password_change");
		signIn.passwordChanged(user);
		audit.record(
				AuditEvent.success("auth.password_change").object("user", user.id()).detail("sessions_ended", ended));
	}

}
