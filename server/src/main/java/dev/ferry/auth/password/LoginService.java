package dev.ferry.auth.password;

import java.util.Optional;

import dev.ferry.audit.AuditActor;
import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.AccountSecurityProperties;
import dev.ferry.auth.AuthException;
import dev.ferry.auth.ClientInfo;
import dev.ferry.auth.User;
import dev.ferry.auth.UserRepository;
import dev.ferry.auth.session.CredentialLimits;
import dev.ferry.auth.session.MfaLoginService;
import dev.ferry.auth.session.PasswordSignIn;
import dev.ferry.auth.session.SignInResult;
import dev.ferry.crypto.SecureTokens;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Password sign-in: verifies credentials and opens a session with its first token pair
 * (or asks for the second factor). Failed attempts are limited by
 * {@link CredentialLimits}. {@code FERRY_PASSWORD_LOGIN=false} turns it off.
 */
@Service
public class LoginService implements PasswordSignIn {

	private final UserRepository users;

	private final MfaLoginService mfa;

	private final PasswordEncoder passwords;

	private final CredentialLimits limits;

	private final AuditLog audit;

	private final AccountSecurityProperties properties;

	/**
	 * Checked against when the account does not exist, so both failures cost the same.
	 */
	private final String decoyHash;

	LoginService(UserRepository users, MfaLoginService mfa, PasswordEncoder passwords, CredentialLimits limits,
			AuditLog audit, AccountSecurityProperties properties) {
		this.users = users;
		this.mfa = mfa;
		this.passwords = passwords;
		this.limits = limits;
		this.audit = audit;
		this.properties = properties;
		this.decoyHash = passwords.encode(SecureTokens.generate("decoy-"));
	}

	/**
	 * Checks the password; answers tokens, or a second-factor challenge when the account
	 * has one. {@code browser} asks for a browser session (idle timeout, cookie).
	 */
	@Override
	public SignInResult login(String email, String password, ClientInfo client, boolean browser) {
		String normalized = UserRepository.normalize(email);
		if (!properties.passwordLogin()) {
			audit.record(AuditEvent.denied("auth.login")
				.detail("email", normalized)
				.detail("reason", "password_login_disabled"));
			throw AuthException.passwordLoginDisabled();
		}
		Optional<User> found = users.findByEmail(normalized);
		// Before the password is checked, so a refused attempt tells nothing about it.
		CredentialLimits.Attempt attempt = limits.acquire("auth.login", "password", normalized, found, client);
		boolean matches = passwords.matches(password,
				found.map(User::passwordHash).filter((hash) -> hash != null).orElse(decoyHash));
		if (found.isEmpty() || !matches) {
			audit.record(AuditEvent.failure("auth.login")
				.by(found.map(User::auditActor).orElse(AuditActor.anonymous()))
				.detail("email", normalized)
				.detail("reason", found.isEmpty() ? "unknown_account" : "wrong_password"));
			throw AuthException.invalidCredentials();
		}
		limits.succeeded(attempt);
		User user = found.get();
		if (!user.isActive()) {
			audit.record(AuditEvent.denied("auth.login").by(user.auditActor()).detail("reason", "suspended"));
			throw AuthException.suspended();
		}
		return mfa.afterFirstFactor(user, client, browser, "password");
	}

}
