package dev.ferry.auth;

import java.time.Duration;
import java.util.Optional;

import dev.ferry.audit.AuditActor;
import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.crypto.SecureTokens;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Password sign-in: verifies credentials and opens a session with its first token pair.
 * Failed attempts are throttled per (client IP, account) and per client IP.
 */
@Service
public class LoginService {

	private final UserRepository users;

	private final SessionService sessionService;

	private final PasswordEncoder passwords;

	private final LoginThrottle throttle;

	private final AuditLog audit;

	/**
	 * Checked against when the account does not exist, so both failures cost the same.
	 */
	private final String decoyHash;

	LoginService(UserRepository users, SessionService sessionService, PasswordEncoder passwords, LoginThrottle throttle,
			AuditLog audit) {
		this.users = users;
		this.sessionService = sessionService;
		this.passwords = passwords;
		this.throttle = throttle;
		this.audit = audit;
		this.decoyHash = passwords.encode(SecureTokens.generate("decoy-"));
	}

	public TokenResponse login(String email, String password, ClientInfo client) {
		String normalized = UserRepository.normalize(email);
		Optional<Duration> wait = throttle.tryAcquire(client.ip(), normalized);
		if (wait.isPresent()) {
			audit.record(AuditEvent.denied("auth.login").detail("email", normalized).detail("reason", "rate_limited"));
			throw AuthException.tooManyAttempts(wait.get());
		}
		Optional<User> found = users.findByEmail(normalized);
		boolean matches = passwords.matches(password,
				found.map(User::passwordHash).filter((hash) -> hash != null).orElse(decoyHash));
		if (found.isEmpty() || !matches) {
			audit.record(AuditEvent.failure("auth.login")
				.by(found.map(User::auditActor).orElse(AuditActor.anonymous()))
				.detail("email", normalized)
				.detail("reason", found.isEmpty() ? "unknown_account" : "wrong_password"));
			throw AuthException.invalidCredentials();
		}
		throttle.succeeded(client.ip(), normalized);
		User user = found.get();
		if (!user.isActive()) {
			audit.record(AuditEvent.denied("auth.login").by(user.auditActor()).detail("reason", "suspended"));
			throw AuthException.suspended();
		}
		return sessionService.open(user, client);
	}

}
