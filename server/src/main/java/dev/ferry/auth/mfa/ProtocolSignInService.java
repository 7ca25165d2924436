package dev.ferry.auth.mfa;

import java.util.Optional;
import java.util.Set;

import dev.ferry.audit.AuditActor;
import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.AccountNetworkRules;
import dev.ferry.auth.ClientInfo;
import dev.ferry.auth.ProtocolSignIn;
import dev.ferry.auth.User;
import dev.ferry.auth.session.CredentialLimits;
import dev.ferry.auth.session.DirectoryStanding;
import dev.ferry.auth.session.FirstFactor;
import dev.ferry.auth.session.SessionRestriction;
import dev.ferry.auth.session.SignInPolicy;

import org.springframework.stereotype.Service;

/**
 * {@link ProtocolSignIn}: the password, and the TOTP or recovery code when the account
 * has a second factor, checked in one step without opening a session. The same password
 * check ({@link FirstFactor}: Ferry's or the directory's), guessing limits
 * ({@link CredentialLimits}) and audit records as the HTTP login apply; every refusal is
 * audited and answers empty, a limit throws 429, and a wrong password or code scores the
 * client's address with the defender as a 401 does over HTTP. Here, beside
 * {@link TotpFactor}, because the second factor is the part only this module knows.
 */
@Service
class ProtocolSignInService implements ProtocolSignIn {

	/**
	 * First-factor refusals that are guesses, which the defender scores; a suspended or
	 * withdrawn account, or a directory that is down, is not the client's guess.
	 */
	private static final Set<String> GUESSES = Set.of("wrong_password", "unknown_account");

	private final FirstFactor firstFactor;

	private final CredentialLimits limits;

	private final SignInPolicy policy;

	private final TotpFactor twoFactor;

	private final DirectoryStanding standing;

	private final AccountNetworkRules defender;

	private final AuditLog audit;

	ProtocolSignInService(FirstFactor firstFactor, CredentialLimits limits, SignInPolicy policy, TotpFactor twoFactor,
			DirectoryStanding standing, AccountNetworkRules defender, AuditLog audit) {
		this.standing = standing;
		this.defender = defender;
		this.firstFactor = firstFactor;
		this.limits = limits;
		this.policy = policy;
		this.twoFactor = twoFactor;
		this.audit = audit;
	}

	@Override
	public Optional<User> check(String channel, String email, String password, String code, ClientInfo client) {
		FirstFactor.Outcome outcome = firstFactor.check(email, password, client);
		String normalized = outcome.email();
		if (!outcome.passed()) {
			if (GUESSES.contains(outcome.reason())) {
				defender.failedSignIn(client.ip());
			}
			return refuse(outcome.denied() ? AuditEvent.denied("auth.login") : AuditEvent.failure("auth.login"),
					channel, normalized, outcome.user(), outcome.reason());
		}
		User user = outcome.user();
		String method = outcome.method();
		if (policy.hasSecondFactor(user.id())) {
			if (!twoFactor.hasTotp(user.id())) {
				return refuse(AuditEvent.denied("auth.login"), channel, normalized, user, "second_factor_unavailable");
			}
			if (code == null || code.isBlank()) {
				return refuse(AuditEvent.failure("auth.login"), channel, normalized, user, "second_factor_required");
			}
			CredentialLimits.Attempt second = limits.acquire("auth.mfa", "mfa", normalized, Optional.of(user), client);
			Optional<String> factor = twoFactor.check(user.id(), code);
			if (factor.isEmpty()) {
				defender.failedSignIn(client.ip());
				return refuse(AuditEvent.failure("auth.mfa"), channel, normalized, user, "wrong_code");
			}
			limits.succeeded(second);
			method = method + "+" + factor.get();
		}
		// Over the web such an account gets a session that can only fix it; a protocol
		// session cannot be limited like that, so it is refused until the fix is made.
		SessionRestriction restriction = policy.restrictionFor(user, "password".equals(outcome.method()));
		if (restriction != null) {
			return refuse(AuditEvent.denied("auth.login"), channel, normalized, user,
					(restriction == SessionRestriction.MFA_ENROLLMENT) ? "mfa_enrollment_required"
							: "password_change_required");
		}
		// The account's network rules last, so that a refused sign-in is not also on the
		// trail as a success (they record the refusal).
		if (defender.refusal(user.id(), client.ip(), "auth.login").isPresent()) {
			return Optional.empty();
		}
		audit.record(AuditEvent.success("auth.login")
			.by(user.auditActor())
			.detail("channel", channel)
			.detail("method", method));
		return Optional.of(user);
	}

	@Override
	public Optional<String> keyRefusal(User user) {
		if (!user.isActive()) {
			return Optional.of("suspended");
		}
		// A key is one factor, like a password: an account the policy requires a second
		// factor of enrolls one in the web UI before a key signs it in.
		if (policy.restrictionFor(user, false) == SessionRestriction.MFA_ENROLLMENT) {
			return Optional.of("mfa_enrollment_required");
		}
		return standing.withdrawal(user.id());
	}

	private Optional<User> refuse(AuditEvent event, String channel, String email, User user, String reason) {
		audit.record(event.by((user != null) ? user.auditActor() : AuditActor.anonymous())
			.detail("channel", channel)
			.detail("email", email)
			.detail("reason", reason));
		return Optional.empty();
	}

}
