package dev.ferry.auth.session;

import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import dev.ferry.auth.DownloadTickets;

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

	private final List<ExpiringRecords> expiring;

	private final DownloadTickets tickets;

	private final Clock clock;

	SessionCleanup(SessionRepository sessions, MfaChallengeRepository challenges, List<ExpiringRecords> expiring,
			DownloadTickets tickets, Clock clock) {
		this.tickets = tickets;
		this.sessions = sessions;
		this.challenges = challenges;
		this.expiring = expiring;
		this.clock = clock;
	}

	void deleteEndedSessions() {
		int deleted = sessions.deleteEndedBefore(clock.instant());
		challenges.deleteExpiredBefore(clock.instant());
		expiring.forEach((records) -> records.deleteExpiredBefore(clock.instant()));
		tickets.deleteUnusable(clock.instant());
		if (deleted > 0) {
			log.debug("Deleted {} ended sessions", deleted);
		}
	}

}
