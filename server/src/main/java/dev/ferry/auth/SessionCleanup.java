package dev.ferry.auth;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes ended sessions and their refresh-token chains, which would otherwise grow by
 * one row per refresh forever, expired sign-in tickets, password-reset links and download
 * tickets. Idempotent, so every node of a cluster may run it.
 */
@Component
class SessionCleanup {

	private static final Logger log = LoggerFactory.getLogger(SessionCleanup.class);

	private final SessionRepository sessions;

	private final MfaChallengeRepository challenges;

	private final PasswordResetRepository resets;

	private final OidcRepository oidc;

	private final PasskeyRepository passkeys;

	private final DownloadTickets tickets;

	private final Clock clock;

	SessionCleanup(SessionRepository sessions, MfaChallengeRepository challenges, PasswordResetRepository resets,
			OidcRepository oidc, PasskeyRepository passkeys, DownloadTickets tickets, Clock clock) {
		this.tickets = tickets;
		this.sessions = sessions;
		this.challenges = challenges;
		this.resets = resets;
		this.oidc = oidc;
		this.passkeys = passkeys;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
	void deleteEndedSessions() {
		int deleted = sessions.deleteEndedBefore(clock.instant());
		challenges.deleteExpiredBefore(clock.instant());
		resets.deleteExpiredBefore(clock.instant());
		oidc.deleteExpiredBefore(clock.instant());
		passkeys.deleteExpiredChallenges(clock.instant());
		tickets.deleteUnusable(clock.instant());
		if (deleted > 0) {
			log.debug("Deleted {} ended sessions", deleted);
		}
	}

}
