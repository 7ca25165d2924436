package dev.ferry.webhook;

import java.time.Clock;
import java.time.Duration;

import dev.ferry.jobs.RecurringJob;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps the delivery log to its last {@link #KEPT}: each row holds the whole payload
 * (file paths, other people's addresses), and nothing else ever removed one while its
 * webhook lived. It also queues again any delivery left pending without a job: one whose
 * giving up failed (the database away for a moment) would otherwise wait for a restart.
 */
@Configuration(proxyBeanMethods = false)
class DeliveryLogCleanupJob {

	static final Duration KEPT = Duration.ofDays(30);

	@Bean
	RecurringJob recurringDeliveryLogCleanup(DeliveryRepository deliveries, DeliveryJob.Backlog backlog, Clock clock) {
		return RecurringJob.every(Duration.ofHours(1), "webhook-delivery-cleanup", () -> {
			deliveries.deleteFinishedBefore(clock.instant().minus(KEPT));
			backlog.queuePending();
		});
	}

}
