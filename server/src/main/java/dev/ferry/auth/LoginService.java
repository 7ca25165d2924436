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
 * Password sign-in: verifies credentials and opens a session with its first token pair
 * (or asks for the second factor). Failed attempts are throttled per (client IP, account)
 * and per client IP. {@code FERRY_PASSWORD_LOGIN=false} turns it off.
 */
@Service
public class LoginService {

	private final UserRepository users;

	private final MfaLoginService mfa;

	private final PasswordEncoder passwords;

	private final LoginThrottle throttle;

	private final AuditLog audit;

	private final AccountSecurityProperties properties;

	/**
	 * Checked against when the account does not exist, so both failures cost the same.
	 */
	private final String decoyHash;

	LoginService(UserRepository users, MfaLoginService mfa, PasswordEncoder passwords, LoginThrottle throttle,
			AuditLog audit, AccountSecurityProperties properties) {
		this.users = users;
		this.mfa = mfa;
		this.passwords = passwords;
		this.throttle = throttle;
		this.audit = audit;
		this.properties = properties;
		this.decoyHash = passwords.encode(SecureTokens.generate("decoy-"));
	}

	/**
	 * Checks the password; answers tokens, or a second-factor challenge when the account
	 * has one. {@code browser} asks for a browser session (idle timeout, cookie).
	 */
	public SignInResult login(String email, String password, ClientInfo client, boolean browser) {
		String normalized = UserRepository.normalize(email);
		if (!properties.passwordLogin()) {
			audit.record(AuditEvent.denied("auth.login")
				.detail("email", normalized)
				.detail("reason", "password_login_disabled"));
			throw AuthException.passwordLoginDisabled();
		}
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
		return mfa.afterFirstFactor(user, client, browser, "password");
	}

}
