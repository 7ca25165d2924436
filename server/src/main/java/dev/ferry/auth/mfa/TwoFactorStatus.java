package dev.ferry.auth.mfa;

import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.AccessPolicy;
import dev.ferry.auth.AuthException;
import dev.ferry.auth.CurrentUser;
import dev.ferry.auth.passkey.PasskeyFactor;
import dev.ferry.auth.session.SignInPolicy;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether the caller's account has two-factor authentication, and what is left of it. A
 * read like any other: the credential needs the {@code read} scope.
 */
@Service
class TwoFactorStatus {

	private final SecondFactorRepository factors;

	private final TotpFactor totpFactor;

	private final PasskeyFactor passkeys;

	private final SignInPolicy policy;

	private final AccessPolicy access;

	private final AuditLog audit;

	TwoFactorStatus(SecondFactorRepository factors, TotpFactor totpFactor, PasskeyFactor passkeys, SignInPolicy policy,
			AccessPolicy access, AuditLog audit) {
		this.factors = factors;
		this.totpFactor = totpFactor;
		this.passkeys = passkeys;
		this.policy = policy;
		this.access = access;
		this.audit = audit;
	}

	@Transactional(noRollbackFor = AuthException.class)
	TwoFactorService.Status of(CurrentUser caller) {
		access.requireOwnRead(caller, "auth.2fa_status");
		boolean totp = totpFactor.hasTotp(caller.userId());
		audit.record(AuditEvent.success("auth.2fa_status"));
		return new TwoFactorService.Status(totp, totp ? factors.unusedRecoveryCodes(caller.userId()) : 0,
				passkeys.count(caller.userId()), policy.twoFactorRequired(caller.role()));
	}

}
