package dev.ferry.webhook;

import java.time.Duration;

import dev.ferry.jobs.RecurringJob;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Runs the delivery worker as a cluster-wide job; each delivery's retries and backoff
 * live in {@code webhook_deliveries}.
 */
@Configuration(proxyBeanMethods = false)
class DeliveryScheduler {

	@Bean
	RecurringJob recurringWebhookDeliveries(DeliveryWorker worker,
			@Value("${ferry.webhooks.poll-interval:5s}") Duration interval) {
		return RecurringJob.every(interval, "webhook-deliveries", worker::runDue);
	}

}
