package dev.ferry.auth.mfa;

import java.util.Optional;

import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.AccessPolicy;
import dev.ferry.auth.AuthException;
import dev.ferry.auth.ClientInfo;
import dev.ferry.auth.CurrentUser;
import dev.ferry.auth.User;
import dev.ferry.auth.UserRepository;
import dev.ferry.auth.session.CredentialLimits;

import org.springframework.stereotype.Component;

/**
 * What managing one's own second factors requires: an interactive session (never an API
 * key), an authenticator already on where the action needs one, and codes typed here
 * counted against the account's sign-in limits. Refusals are audited.
 */
@Component
class TwoFactorGuard {

	private final SecondFactorRepository factors;

	private final CredentialLimits limits;

	private final UserRepository users;

	private final AccessPolicy access;

	private final AuditLog audit;

	TwoFactorGuard(SecondFactorRepository factors, CredentialLimits limits, UserRepository users, AccessPolicy access,
			AuditLog audit) {
		this.access = access;
		this.factors = factors;
		this.limits = limits;
		this.users = users;
		this.audit = audit;
	}

	void requireSession(CurrentUser caller, String action) {
		this.access.requireFullSession(caller, action, "manage two-factor authentication");
	}

	SecondFactorRepository.TotpCredential confirmedTotp(CurrentUser caller, String action) {
		return this.factors.findTotp(caller.userId())
			.filter(SecondFactorRepository.TotpCredential::confirmed)
			.orElseThrow(() -> {
				this.audit.record(AuditEvent.failure(action).detail("reason", "not_enabled"));
				return AuthException.conflict("mfa-not-enabled", "Not enabled",
						"Two-factor authentication with an authenticator app is not on for this account.");
			});
	}

	/** Codes checked here count against the account's sign-in limits too. */
	CredentialLimits.Attempt acquire(CurrentUser caller, String action, ClientInfo client) {
		Optional<User> user = this.users.findById(caller.userId());
		return this.limits.acquire(action, "2fa", UserRepository.normalize(caller.email()), user, client);
	}

	void succeeded(CredentialLimits.Attempt attempt) {
		this.limits.succeeded(attempt);
	}

}
