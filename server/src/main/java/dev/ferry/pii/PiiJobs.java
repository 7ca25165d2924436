package dev.ferry.pii;

import dev.ferry.jobs.RecurringJob;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Scanning as a cluster-wide job: one node per run, rows still claimed one by one. */
@Configuration(proxyBeanMethods = false)
class PiiJobs {

	@Bean
	RecurringJob recurringPiiScans(PiiWorker worker, PiiProperties properties) {
		return RecurringJob.every(properties.interval(), "pii-scans", worker::run);
	}

}
