package dev.ferry.auth.session;

import java.time.Duration;

import dev.ferry.jobs.RecurringJob;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The {@link SessionCleanup} as a cluster-wide job every hour. */
@Configuration(proxyBeanMethods = false)
class SessionCleanupJob {

	@Bean
	RecurringJob recurringSessionCleanup(SessionCleanup cleanup) {
		return RecurringJob.every(Duration.ofHours(1), "session-cleanup", cleanup::deleteEndedSessions);
	}

}
