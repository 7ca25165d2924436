package dev.ferry.auth.session;

import java.util.Optional;
import java.util.UUID;

import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.AuthException;
import dev.ferry.auth.ClientInfo;
import dev.ferry.auth.User;
import dev.ferry.auth.UserRepository;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sign-in for accounts with a second factor. A correct first factor yields an
 * {@code mfa_token} (random, stored hashed, single use, short-lived) instead of tokens;
 * {@code POST /api/v1/auth/login/mfa} with a code finishes it. Each ticket tolerates
 * {@code FERRY_MFA_MAX_FAILURES} wrong codes, then dies; wrong codes also count against
 * the account's {@link CredentialLimits}, so fresh tickets do not buy more guesses.
 */
@Service
public class MfaLoginService {

	private final MfaTickets tickets;

	private final UserRepository users;

	private final ObjectProvider<SecondFactor> factors;

	private final SignInPolicy policy;

	private final SessionService sessions;

	private final CredentialLimits limits;

	private final AuditLog audit;

	MfaLoginService(MfaTickets tickets, UserRepository users, ObjectProvider<SecondFactor> factors, SignInPolicy policy,
			SessionService sessions, CredentialLimits limits, AuditLog audit) {
		this.tickets = tickets;
		this.users = users;
		this.factors = factors;
		this.policy = policy;
		this.sessions = sessions;
		this.limits = limits;
		this.audit = audit;
	}

	/**
	 * What a correct first factor leads to: a second-factor challenge when the account
	 * has one, else a session (restricted when the account must fix something first). A
	 * Ferry password must still be the account's: the check ran outside this transaction,
	 * and a change or reset may have committed since.
	 */
	@Transactional(noRollbackFor = AuthException.class)
	public SignInResult afterFirstFactor(User user, ClientInfo client, boolean browser, String method) {
		if ("password".equals(method) && !policy.passwordStillHeld(user)) {
			audit.record(AuditEvent.failure("auth.login")
				.by(user.auditActor())
				.detail("email", user.email())
				.detail("reason", "password_changed"));
			throw AuthException.invalidCredentials();
		}
		if (!policy.hasSecondFactor(user.id())) {
			return sessions.open(user, client, browser, policy.restrictionFor(user, "password".equals(method)), method);
		}
		String token = tickets.issue(user.id(), browser);
		audit.record(AuditEvent.success("auth.mfa_challenge").by(user.auditActor()).detail("method", method));
		return new MfaChallenge(true, token, policy.secondFactorMethods(user.id()), tickets.ttl().toSeconds());
	}

	/** Finishes a sign-in with a TOTP or recovery code. */
	@Transactional(noRollbackFor = AuthException.class)
	Finished finish(String mfaToken, String code, ClientInfo client) {
		MfaChallengeRepository.Challenge challenge = tickets.live(mfaToken);
		User user = users.findById(challenge.userId()).orElseThrow(AuthException::invalidMfaToken);
		CredentialLimits.Attempt attempt = limits.acquire("auth.mfa", "mfa", UserRepository.normalize(user.email()),
				Optional.of(user), client);
		Optional<String> method = factors.orderedStream()
			.map((factor) -> factor.check(user.id(), code))
			.flatMap(Optional::stream)
			.findFirst();
		if (method.isEmpty()) {
			tickets.fail(challenge,
					AuditEvent.failure("auth.mfa").by(user.auditActor()).detail("reason", "wrong_code"));
			throw AuthException.invalidCode();
		}
		limits.succeeded(attempt);
		return complete(challenge, user, client, method.get());
	}

	/** Finishes a sign-in whose second factor was verified elsewhere (a passkey). */
	@Transactional(noRollbackFor = AuthException.class)
	public Finished finishVerified(String mfaToken, UUID userId, ClientInfo client, String method) {
		MfaChallengeRepository.Challenge challenge = tickets.live(mfaToken);
		User user = users.findById(challenge.userId()).orElseThrow(AuthException::invalidMfaToken);
		if (!user.id().equals(userId)) {
			// Another account's factor: a wrong answer to this ticket,
			// counted like a wrong code.
			tickets.fail(challenge,
					AuditEvent.failure("auth.mfa")
						.by(user.auditActor())
						.detail("method", method)
						.detail("reason", "other_account"));
			throw AuthException.invalidMfaToken();
		}
		return complete(challenge, user, client, method);
	}

	/** The account a live ticket is for, so a passkey can be asked of it. */
	public UUID pendingUser(String mfaToken) {
		return tickets.live(mfaToken).userId();
	}

	private Finished complete(MfaChallengeRepository.Challenge challenge, User user, ClientInfo client, String method) {
		if (!user.isActive()) {
			audit.record(AuditEvent.denied("auth.mfa").by(user.auditActor()).detail("reason", "suspended"));
			throw AuthException.suspended();
		}
		if (!tickets.use(challenge)) {
			throw AuthException.invalidMfaToken();
		}
		audit.record(AuditEvent.success("auth.mfa").by(user.auditActor()).detail("method", method));
		TokenResponse tokens = sessions.open(user, client, challenge.useCookie(), policy.restrictionFor(user, true),
				"password+" + method);
		return new Finished(tokens, challenge.useCookie());
	}

	/** The tokens, and whether the sign-in asked for the cookie variant. */
	public record Finished(TokenResponse tokens, boolean useCookie) {
	}

}
