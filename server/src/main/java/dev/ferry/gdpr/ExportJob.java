package dev.ferry.gdpr;

import java.time.Duration;

import dev.ferry.jobs.RecurringJob;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Builds requested exports and shreds expired ones as a cluster-wide job; a build a dead
 * node left behind is claimed again once stale ({@link ExportWorker#STALE}).
 */
@Configuration(proxyBeanMethods = false)
class ExportJob {

	@Bean
	RecurringJob recurringDataExports(ExportWorker worker, @Value("${ferry.gdpr.interval:2s}") Duration interval) {
		return RecurringJob.every(interval, "gdpr-exports", worker::run);
	}

}
