package dev.ferry.auth.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.AccountSecurityProperties;
import dev.ferry.auth.AuthException;
import dev.ferry.crypto.SecureTokens;

import org.springframework.stereotype.Component;

/**
 * The {@code mfa_token} sign-in tickets of {@link MfaLoginService}: random, stored
 * hashed, single use, short-lived, and dead after {@code FERRY_MFA_MAX_FAILURES} wrong
 * codes.
 */
@Component
class MfaTickets {

	private final MfaChallengeRepository challenges;

	private final AccountSecurityProperties properties;

	private final AuditLog audit;

	private final Clock clock;

	MfaTickets(MfaChallengeRepository challenges, AccountSecurityProperties properties, AuditLog audit, Clock clock) {
		this.challenges = challenges;
		this.properties = properties;
		this.audit = audit;
		this.clock = clock;
	}

	/** How long a new ticket lives. */
	Duration ttl() {
		return this.properties.mfaChallengeTtl();
	}

	/** A new ticket for {@code userId}; {@code useCookie} when the browser signs in. */
	String issue(UUID userId, boolean useCookie) {
		Instant now = this.clock.instant();
		String token = SecureTokens.generate("");
		this.challenges.insert(SecureTokens.hash(token), userId, now, now.plus(ttl()), useCookie);
		return token;
	}

	/** The live ticket {@code mfaToken} names; refused (and audited) otherwise. */
	MfaChallengeRepository.Challenge live(String mfaToken) {
		return this.challenges
			.findLive(SecureTokens.hash(mfaToken), this.clock.instant(), this.properties.mfaMaxFailures())
			.orElseThrow(() -> {
				this.audit.record(AuditEvent.failure("auth.mfa").detail("reason", "invalid_ticket"));
				return AuthException.invalidMfaToken();
			});
	}

	/**
	 * Counts a wrong code against the ticket and audits {@code wrongCode} with the count
	 * and whether the ticket died of it.
	 */
	void fail(MfaChallengeRepository.Challenge challenge, AuditEvent wrongCode) {
		int failures = this.challenges.fail(challenge.tokenHash());
		this.audit.record(wrongCode.detail("failures", failures)
			.detail("ticket_dead", failures >= this.properties.mfaMaxFailures()));
	}

	/** Spends the ticket; false when another request spent it first. */
	boolean use(MfaChallengeRepository.Challenge challenge) {
		return this.challenges.use(challenge.tokenHash(), this.clock.instant());
	}

}
