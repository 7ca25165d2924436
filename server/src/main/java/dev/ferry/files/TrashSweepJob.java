package dev.ferry.files;

import java.time.Duration;

import dev.ferry.jobs.RecurringJob;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The trash sweep as a cluster-wide job: one node shreds expired trash per interval. */
@Configuration(proxyBeanMethods = false)
class TrashSweepJob {

	@Bean
	RecurringJob recurringTrashSweep(TrashShredder shredder,
			@Value("${ferry.files.trash.sweep-interval:10m}") Duration interval) {
		return RecurringJob.every(interval, "trash-sweep", shredder::sweep);
	}

}
