package dev.ferry.auth.mfa;

import java.util.Optional;

import dev.ferry.audit.AuditActor;
import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.AccountSecurityProperties;
import dev.ferry.auth.ClientInfo;
import dev.ferry.auth.ProtocolSignIn;
import dev.ferry.auth.User;
import dev.ferry.auth.UserRepository;
import dev.ferry.auth.session.CredentialLimits;
import dev.ferry.auth.session.SignInPolicy;
import dev.ferry.crypto.SecureTokens;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * {@link ProtocolSignIn}: the password, and the TOTP or recovery code when the account
 * has a second factor, checked in one step without opening a session. The same guessing
 * limits ({@link CredentialLimits}) and audit records as the HTTP login apply; every
 * refusal is audited and answers empty, a limit throws 429. Here, beside
 * {@link TotpFactor}, because the second factor is the part only this module knows.
 */
@Service
class ProtocolSignInService implements ProtocolSignIn {

	private final UserRepository users;

	private final PasswordEncoder passwords;

	private final CredentialLimits limits;

	private final SignInPolicy policy;

	private final TotpFactor twoFactor;

	private final AuditLog audit;

	private final AccountSecurityProperties properties;

	/** Checked when the account does not exist, so both failures cost the same. */
	private final String decoyHash;

	ProtocolSignInService(UserRepository users, PasswordEncoder passwords, CredentialLimits limits, SignInPolicy policy,
			TotpFactor twoFactor, AuditLog audit, AccountSecurityProperties properties) {
		this.users = users;
		this.passwords = passwords;
		this.limits = limits;
		this.policy = policy;
		this.twoFactor = twoFactor;
		this.audit = audit;
		this.properties = properties;
		this.decoyHash = passwords.encode(SecureTokens.generate("decoy-"));
	}

	@Override
	public Optional<User> check(String channel, String email, String password, String code, ClientInfo client) {
		String normalized = UserRepository.normalize(email);
		if (!properties.passwordLogin()) {
			return refuse(AuditEvent.denied("auth.login"), channel, normalized, null, "password_login_disabled");
		}
		Optional<User> found = users.findByEmail(normalized);
		CredentialLimits.Attempt attempt = limits.acquire("auth.login", "password", normalized, found, client);
		boolean matches = passwords.matches((password != null) ? password : "",
				found.map(User::passwordHash).filter((hash) -> hash != null).orElse(decoyHash));
		if (found.isEmpty() || !matches) {
			return refuse(AuditEvent.failure("auth.login"), channel, normalized, found.orElse(null),
					found.isEmpty() ? "unknown_account" : "wrong_password");
		}
		limits.succeeded(attempt);
		User user = found.get();
		if (!user.isActive()) {
			return refuse(AuditEvent.denied("auth.login"), channel, normalized, user, "suspended");
		}
		String method = "password";
		if (policy.hasSecondFactor(user.id())) {
			if (!twoFactor.hasTotp(user.id())) {
				return refuse(AuditEvent.denied("auth.login"), channel, normalized, user, "second_factor_unavailable");
			}
			if (code == null || code.isBlank()) {
				return refuse(AuditEvent.failure("auth.login"), channel, normalized, user, "second_factor_required");
			}
			CredentialLimits.Attempt second = limits.acquire("auth.mfa", "mfa", normalized, found, client);
			Optional<String> factor = twoFactor.check(user.id(), code);
			if (factor.isEmpty()) {
				return refuse(AuditEvent.failure("auth.mfa"), channel, normalized, user, "wrong_code");
			}
			limits.succeeded(second);
			method = "password+" + factor.get();
		}
		audit.record(AuditEvent.success("auth.login")
			.by(user.auditActor())
			.detail("channel", channel)
			.detail("method", method));
		return found;
	}

	private Optional<User> refuse(AuditEvent event, String channel, String email, User user, String reason) {
		audit.record(event.by((user != null) ? user.auditActor() : AuditActor.anonymous())
			.detail("channel", channel)
			.detail("email", email)
			.detail("reason", reason));
		return Optional.empty();
	}

}
