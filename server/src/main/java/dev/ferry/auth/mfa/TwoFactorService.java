package dev.ferry.auth.mfa;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.AuthException;
import dev.ferry.auth.ClientInfo;
import dev.ferry.auth.CurrentUser;
import dev.ferry.auth.User;
import dev.ferry.auth.passkey.PasskeyFactor;
import dev.ferry.auth.session.CredentialLimits;
import dev.ferry.auth.session.SignInPolicy;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An account's second factors as a whole: their status, turning the authenticator app off
 * (with the password and a code), and an admin's reset. Enrolling is
 * {@link TotpEnrollment}'s, checking codes at sign-in {@link TotpFactor}'s.
 */
@Service
class TwoFactorService {

	private final SecondFactorRepository factors;

	private final TotpFactor totpFactor;

	private final TwoFactorGuard guard;

	private final SignInPolicy policy;

	private final PasskeyFactor passkeys;

	private final PasswordEncoder passwords;

	private final AuditLog audit;

	TwoFactorService(SecondFactorRepository factors, TotpFactor totpFactor, TwoFactorGuard guard, SignInPolicy policy,
			PasskeyFactor passkeys, PasswordEncoder passwords, AuditLog audit) {
		this.factors = factors;
		this.totpFactor = totpFactor;
		this.guard = guard;
		this.policy = policy;
		this.passkeys = passkeys;
		this.passwords = passwords;
		this.audit = audit;
	}

	@Transactional(noRollbackFor = AuthException.class)
	void disable(CurrentUser caller, User user, String password, String code, ClientInfo client) {
		guard.requireSession(caller, "auth.2fa_disable");
		guard.confirmedTotp(caller, "auth.2fa_disable");
		CredentialLimits.Attempt attempt = guard.acquire(caller, "auth.2fa_disable", client);
		if (user.passwordHash() == null || !passwords.matches(password, user.passwordHash())) {
			audit.record(AuditEvent.failure("auth.2fa_disable").detail("reason", "wrong_password"));
			throw AuthException.invalidField("password", "is wrong");
		}
		if (totpFactor.check(user.id(), code).isEmpty()) {
			audit.record(AuditEvent.failure("auth.2fa_disable").detail("reason", "wrong_code"));
			throw AuthException.invalidCode();
		}
		guard.succeeded(attempt);
		if (!policy.mayLose(user.role(), user.id(), Set.copyOf(totpFactor.methods(user.id())))) {
			audit.record(AuditEvent.denied("auth.2fa_disable").detail("reason", "required_by_policy"));
			throw SignInPolicy.requiredByPolicy();
		}
		factors.deleteAll(user.id());
		audit.record(AuditEvent.success("auth.2fa_disable").object("user", user.id()));
	}

	/**
	 * Removes every second factor of a user (admin reset); answers whether there was one.
	 */
	boolean removeAll(UUID userId) {
		boolean totp = factors.deleteAll(userId);
		return passkeys.deleteAll(userId) || totp;
	}

	/** Whether two-factor authentication is on, and what is left of it. */
	record Status(boolean totpEnabled, int recoveryCodesLeft, int passkeys, boolean required) {
	}

	record Enrollment(String secret, String otpauthUri, String qr) {
	}

	record RecoveryCodes(List<String> recoveryCodes) {
	}

}
