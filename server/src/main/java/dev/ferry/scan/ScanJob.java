package dev.ferry.scan;

import java.time.Duration;

import dev.ferry.files.FileScans;
import dev.ferry.jobs.Jobs;
import dev.ferry.jobs.OneTimeJob;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * Each pending file's content is one execution of the {@code scan} job (queued by the
 * files module), run by one node of the cluster. A failure is tried again after twice
 * {@code FERRY_SCAN_INTERVAL}, doubling up to ten minutes: under {@code hold} for ever,
 * under {@code allow} for {@code FERRY_SCAN_MAX_ATTEMPTS} attempts, after which the file
 * is settled as {@code error}. At start every node queues the files still pending without
 * an execution (queued by a version that polled the files table); queuing is idempotent.
 */
@Configuration(proxyBeanMethods = false)
class ScanJob {

	private static final Duration MAX_DELAY = Duration.ofMinutes(10);

	@Bean
	OneTimeJob oneTimeScan(ScanWorker worker, ScanProperties properties) {
		return new OneTimeJob(FileScans.JOB, retry(properties), worker::scan, worker::giveUp);
	}

	static OneTimeJob.Retry retry(ScanProperties properties) {
		int attempts = (properties.unavailable() == ScanProperties.Unavailable.ALLOW) ? properties.maxAttempts()
				: Integer.MAX_VALUE;
		return new OneTimeJob.Retry(attempts, properties.interval().multipliedBy(2), MAX_DELAY);
	}

	@Bean
	Backlog scanBacklog(FileScans files, Jobs jobs) {
		return new Backlog(files, jobs);
	}

	record Backlog(FileScans files, Jobs jobs) {

		@EventListener(ApplicationReadyEvent.class)
		public void queuePending() {
			files.pending().forEach((job) -> jobs.enqueue(FileScans.JOB, FileScans.jobId(job.fileId(), job.blobId())));
		}

	}

}
