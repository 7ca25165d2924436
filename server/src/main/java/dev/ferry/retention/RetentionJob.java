package dev.ferry.retention;

import java.time.Clock;
import java.time.Duration;

import dev.ferry.jobs.RecurringJob;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Applies the policies as a cluster-wide job, once per {@code FERRY_RETENTION_INTERVAL}
 * across all nodes (so the audit archive is written by one node per run).
 */
@Configuration(proxyBeanMethods = false)
class RetentionJob {

	@Bean
	RecurringJob recurringRetention(RetentionService retention, Clock clock,
			@Value("${ferry.retention.interval:1h}") Duration interval) {
		return RecurringJob.every(interval, "retention", () -> retention.run(clock.instant()));
	}

}
