package dev.ferry.upload;

import java.time.Duration;

import dev.ferry.jobs.RecurringJob;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The {@link UploadCleanup} as a cluster-wide job, one run per interval. */
@Configuration(proxyBeanMethods = false)
class UploadCleanupJob {

	@Bean
	RecurringJob recurringUploadCleanup(UploadCleanup cleanup,
			@Value("${ferry.upload.cleanup-interval:5m}") Duration interval) {
		return RecurringJob.every(interval, "upload-cleanup", cleanup::run);
	}

}
