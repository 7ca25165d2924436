package dev.ferry.webhook;

import java.time.Duration;

import dev.ferry.jobs.Jobs;
import dev.ferry.jobs.OneTimeJob;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * Each delivery is one execution of the {@code webhook-deliveries} job, retried after
 * {@code FERRY_WEBHOOKS_RETRY_DELAY}, doubling up to a day, for
 * {@code FERRY_WEBHOOKS_MAX_ATTEMPTS} attempts. At start every node queues the deliveries
 * still pending without one (queued by a version that polled the table), each under the
 * job id that owns it (a replay's own); queuing is idempotent.
 */
@Configuration(proxyBeanMethods = false)
class DeliveryJob {

	static final String NAME = "webhook-deliveries";

	private static final Duration MAX_DELAY = Duration.ofDays(1);

	@Bean
	OneTimeJob oneTimeWebhookDelivery(DeliveryWorker worker, WebhookProperties properties) {
		return new OneTimeJob(NAME, new OneTimeJob.Retry(properties.maxAttempts(), properties.retryDelay(), MAX_DELAY),
				worker::deliver, worker::giveUp);
	}

	@Bean
	Backlog webhookBacklog(DeliveryRepository deliveries, Jobs jobs) {
		return new Backlog(deliveries, jobs);
	}

	record Backlog(DeliveryRepository deliveries, Jobs jobs) {

		@EventListener(ApplicationReadyEvent.class)
		public void queuePending() {
			deliveries.pending().forEach((job) -> jobs.enqueue(NAME, job));
		}

	}

}
