package dev.ferry.retention;

import java.time.Clock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Applies the policies on a schedule ({@code FERRY_RETENTION_INTERVAL}). */
@Component
class RetentionJob {

	private final RetentionService retention;

	private final Clock clock;

	RetentionJob(RetentionService retention, Clock clock) {
		this.retention = retention;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${ferry.retention.interval:1h}",
			initialDelayString = "${ferry.retention.interval:1h}")
	void run() {
		retention.run(clock.instant());
	}

}
