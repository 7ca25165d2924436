package dev.ferry.preview;

import java.time.Duration;

import dev.ferry.jobs.RecurringJob;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Rendering and sweeping as cluster-wide jobs: one node per run (rows are still claimed
 * one by one, so a run a dead node left half done is simply taken up again).
 */
@Configuration(proxyBeanMethods = false)
class PreviewJobs {

	@Bean
	RecurringJob recurringPreviews(PreviewWorker worker, @Value("${ferry.preview.interval:2s}") Duration interval) {
		return RecurringJob.every(interval, "previews", worker::run);
	}

	@Bean
	RecurringJob recurringPreviewSweep(PreviewSweeper sweeper,
			@Value("${ferry.preview.sweep-interval:1h}") Duration interval) {
		return RecurringJob.every(interval, "preview-sweep", sweeper::sweep);
	}

}
