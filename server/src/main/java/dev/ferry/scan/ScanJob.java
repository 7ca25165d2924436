package dev.ferry.scan;

import dev.ferry.jobs.RecurringJob;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@link ScanWorker} as a cluster-wide job: one node scans a batch at a time, so no
 * two nodes stream the same file to clamd.
 */
@Configuration(proxyBeanMethods = false)
class ScanJob {

	@Bean
	RecurringJob recurringScan(ScanWorker worker, ScanProperties properties) {
		return RecurringJob.every(properties.interval(), "scan", worker::run);
	}

}
