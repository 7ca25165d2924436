package dev.ferry.share.link;

import java.time.Duration;

import dev.ferry.jobs.RecurringJob;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The {@link ShareSweeper} as a cluster-wide job, one run per interval. */
@Configuration(proxyBeanMethods = false)
class SweepJob {

	@Bean
	RecurringJob recurringShareSweep(ShareSweeper sweeper,
			@Value("${ferry.share.sweep-interval:1m}") Duration interval) {
		return RecurringJob.every(interval, "share-sweep", sweeper::sweep);
	}

}
