package dev.ferry.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends what the outbox holds, outside any request. A failure is retried with exponential
 * backoff ({@code retryDelay}, doubled per attempt, at most a day apart) until
 * {@code maxAttempts}, then the message is marked failed. The error kept for operators
 * names the exception only, never credentials.
 */
@Component
class MailWorker {

	private static final Logger log = LoggerFactory.getLogger(MailWorker.class);

	private static final int BATCH = 50;

	private static final Duration CLAIM = Duration.ofMinutes(5);

	private static final Duration MAX_DELAY = Duration.ofDays(1);

	private final MailOutbox outbox;

	private final MailTransport transport;

	private final MailProperties properties;

	private final Clock clock;

	MailWorker(MailOutbox outbox, MailTransport transport, MailProperties properties, Clock clock) {
		this.outbox = outbox;
		this.transport = transport;
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${ferry.mail.poll-interval:5s}",
			initialDelayString = "${ferry.mail.poll-interval:5s}")
	void poll() {
		if (!transport.enabled()) {
			return;
		}
		Instant now = clock.instant();
		for (UUID id : outbox.due(now, BATCH)) {
			if (outbox.claim(id, now, now.plus(CLAIM))) {
				deliver(outbox.find(id));
			}
		}
	}

	private void deliver(OutboxMessage message) {
		try {
			transport.send(message);
			outbox.sent(message.id(), clock.instant());
		}
		catch (Exception ex) {
			int attempt = message.attempts() + 1;
			boolean giveUp = attempt >= properties.maxAttempts();
			Instant next = clock.instant().plus(backoff(attempt));
			String error = ex.getClass().getSimpleName();
			log.warn("Mail {} attempt {} failed ({}){}", message.id(), attempt, error, giveUp ? "; giving up" : "");
			outbox.failed(message.id(), giveUp, next, error);
		}
	}

	private Duration backoff(int attempt) {
		Duration delay = properties.retryDelay().multipliedBy(1L << Math.min(attempt - 1, 20));
		return (delay.compareTo(MAX_DELAY) > 0) ? MAX_DELAY : delay;
	}

}
