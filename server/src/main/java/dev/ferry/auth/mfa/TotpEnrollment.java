package dev.ferry.auth.mfa;

import java.util.List;

import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.AuthException;
import dev.ferry.auth.ClientInfo;
import dev.ferry.auth.CurrentUser;
import dev.ferry.auth.session.CredentialLimits;
import dev.ferry.auth.session.SignInPolicy;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Enrolling an authenticator app: a new secret, confirmation with a first code, and ten
 * one-time recovery codes (again on request, with a current code).
 */
@Service
class TotpEnrollment {

	private static final String ISSUER = "Ferry";

	private final TwoFactorGuard guard;

	private final SecondFactorRepository factors;

	private final TotpSecrets secrets;

	private final RecoveryCodeBook recoveryCodes;

	private final SignInPolicy policy;

	private final AuditLog audit;

	TotpEnrollment(TwoFactorGuard guard, SecondFactorRepository factors, TotpSecrets secrets,
			RecoveryCodeBook recoveryCodes, SignInPolicy policy, AuditLog audit) {
		this.guard = guard;
		this.factors = factors;
		this.secrets = secrets;
		this.recoveryCodes = recoveryCodes;
		this.policy = policy;
		this.audit = audit;
	}

	@Transactional(noRollbackFor = AuthException.class)
	TwoFactorService.Enrollment enable(CurrentUser caller) {
		guard.requireSession(caller, "auth.2fa_enable");
		if (factors.findTotp(caller.userId()).filter(SecondFactorRepository.TotpCredential::confirmed).isPresent()) {
			audit.record(AuditEvent.failure("auth.2fa_enable").detail("reason", "already_enabled"));
			throw AuthException.conflict("mfa-already-enabled", "Already enabled",
					"Two-factor authentication is already on; disable it first to enroll another authenticator.");
		}
		byte[] secret = secrets.enroll(caller.userId());
		audit.record(AuditEvent.success("auth.2fa_enable").object("user", caller.userId()));
		String uri = Totp.otpauthUri(ISSUER, caller.email(), secret);
		return new TwoFactorService.Enrollment(Base32.encode(secret), uri, QrCodes.svgDataUri(uri));
	}

	@Transactional(noRollbackFor = AuthException.class)
	TwoFactorService.RecoveryCodes verify(CurrentUser caller, String code, ClientInfo client) {
		guard.requireSession(caller, "auth.2fa_verify");
		SecondFactorRepository.TotpCredential totp = factors.findTotp(caller.userId())
			.filter((credential) -> !credential.confirmed())
			.orElseThrow(() -> {
				audit.record(AuditEvent.failure("auth.2fa_verify").detail("reason", "no_pending_enrollment"));
				return AuthException.conflict("no-pending-enrollment", "Nothing to confirm",
						"Start with POST /api/v1/auth/2fa/enable, then confirm with a code from the app.");
			});
		CredentialLimits.Attempt attempt = guard.acquire(caller, "auth.2fa_verify", client);
		if (!secrets.accept(caller.userId(), totp, code)) {
			audit.record(AuditEvent.failure("auth.2fa_verify").detail("reason", "wrong_code"));
			throw AuthException.invalidCode();
		}
		guard.succeeded(attempt);
		secrets.confirm(caller.userId());
		List<String> codes = recoveryCodes.issue(caller.userId());
		policy.factorAdded(caller.userId(), caller.sessionId());
		audit.record(AuditEvent.success("auth.2fa_verify").object("user", caller.userId()));
		return new TwoFactorService.RecoveryCodes(codes);
	}

	@Transactional(noRollbackFor = AuthException.class)
	TwoFactorService.RecoveryCodes regenerateRecoveryCodes(CurrentUser caller, String code, ClientInfo client) {
		guard.requireSession(caller, "auth.2fa_recovery_codes");
		SecondFactorRepository.TotpCredential totp = guard.confirmedTotp(caller, "auth.2fa_recovery_codes");
		CredentialLimits.Attempt attempt = guard.acquire(caller, "auth.2fa_recovery_codes", client);
		if (!secrets.accept(caller.userId(), totp, code)) {
			audit.record(AuditEvent.failure("auth.2fa_recovery_codes").detail("reason", "wrong_code"));
			throw AuthException.invalidCode();
		}
		guard.succeeded(attempt);
		List<String> codes = recoveryCodes.issue(caller.userId());
		audit.record(AuditEvent.success("auth.2fa_recovery_codes").object("user", caller.userId()));
		return new TwoFactorService.RecoveryCodes(codes);
	}

}
