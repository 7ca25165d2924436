package dev.ferry.auth;

import java.util.Optional;

import dev.ferry.audit.AuditActor;
import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.crypto.SecureTokens;

import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Password sign-in: verifies credentials and opens a session with its first token pair.
 */
@Service
public class LoginService {

	private final UserRepository users;

	private final SessionService sessionService;

	private final PasswordEncoder passwords;

	private final AuditLog audit;

	/**
	 * Checked against when the account does not exist, so both failures cost the same.
	 */
	private final String decoyHash;

	LoginService(UserRepository users, SessionService sessionService, PasswordEncoder passwords, AuditLog audit) {
		this.users = users;
		this.sessionService = sessionService;
		this.passwords = passwords;
		this.audit = audit;
		this.decoyHash = passwords.encode(SecureTokens.generate("decoy-"));
	}

	public TokenResponse login(String email, String password, ClientInfo client) {
		Optional<User> found = users.findByEmail(email);
		boolean matches = passwords.matches(password,
				found.map(User::passwordHash).filter((hash) -> hash != null).orElse(decoyHash));
		if (found.isEmpty() || !matches) {
			audit.record(AuditEvent.failure("auth.login")
				.by(found.map(LoginService::actorOf).orElse(AuditActor.anonymous()))
				.detail("email", UserRepository.normalize(email))
				.detail("reason", found.isEmpty() ? "unknown_account" : "wrong_password"));
			throw AuthException.invalidCredentials();
		}
		User user = found.get();
		if (!user.isActive()) {
			audit.record(AuditEvent.denied("auth.login").by(actorOf(user)).detail("reason", "suspended"));
			throw new AuthException(HttpStatus.FORBIDDEN, "account-suspended", "Account suspended",
					"This account is suspended. Contact your administrator.");
		}
		return sessionService.open(user, client);
	}

	static AuditActor actorOf(User user) {
		return new AuditActor("user", user.id().toString(), user.email());
	}

}
