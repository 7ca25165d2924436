package dev.ferry.storage.internal;

import java.time.Duration;

import dev.ferry.jobs.RecurringJob;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The {@link BlobCleanup} as a cluster-wide job every 15 minutes. */
@Configuration(proxyBeanMethods = false)
class BlobCleanupJob {

	@Bean
	RecurringJob recurringBlobCleanup(BlobCleanup cleanup) {
		return RecurringJob.every(Duration.ofMinutes(15), "blob-cleanup", cleanup::scheduled);
	}

}
