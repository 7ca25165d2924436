package dev.ferry.notify;

import java.time.Duration;

import dev.ferry.jobs.Jobs;
import dev.ferry.jobs.OneTimeJob;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * Each queued message is one execution of the {@code mail} job, retried after
 * {@code FERRY_MAIL_RETRY_DELAY}, doubling up to a day, for
 * {@code FERRY_MAIL_MAX_ATTEMPTS} attempts. At start every node queues the messages still
 * pending without one (queued by a version that polled the outbox); queuing is
 * idempotent.
 */
@Configuration(proxyBeanMethods = false)
class MailJob {

	static final String NAME = "mail";

	private static final Duration MAX_DELAY = Duration.ofDays(1);

	@Bean
	OneTimeJob oneTimeMail(MailWorker worker, MailProperties properties) {
		return new OneTimeJob(NAME, new OneTimeJob.Retry(properties.maxAttempts(), properties.retryDelay(), MAX_DELAY),
				worker::deliver, worker::giveUp);
	}

	@Bean
	Backlog mailBacklog(MailOutbox outbox, Jobs jobs) {
		return new Backlog(outbox, jobs);
	}

	record Backlog(MailOutbox outbox, Jobs jobs) {

		@EventListener(ApplicationReadyEvent.class)
		public void queuePending() {
			outbox.pendingIds().forEach((id) -> jobs.enqueue(NAME, id.toString()));
		}

	}

}
