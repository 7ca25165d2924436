package dev.ferry.auth;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes ended sessions and their refresh-token chains, which would otherwise grow by
 * one row per refresh forever. Idempotent, so every node of a cluster may run it.
 */
@Component
class SessionCleanup {

	private static final Logger log = LoggerFactory.getLogger(SessionCleanup.class);

	private final SessionRepository sessions;

	private final Clock clock;

	SessionCleanup(SessionRepository sessions, Clock clock) {
		this.sessions = sessions;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
	void deleteEndedSessions() {
		int deleted = sessions.deleteEndedBefore(clock.instant());
		if (deleted > 0) {
			log.debug("Deleted {} ended sessions", deleted);
		}
	}

}
