package dev.ferry.notify;

import java.time.Clock;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Sends one queued message, outside any request, as the {@code mail} job. A failed
 * attempt is counted in the outbox and thrown, so the job retries it with backoff; when
 * the job gives up the message is marked failed. The error kept for operators names the
 * exception only, never credentials, and the exception thrown carries no cause for the
 * same reason.
 */
@Component
class MailWorker {

	private static final Logger log = LoggerFactory.getLogger(MailWorker.class);

	static final String NO_TRANSPORT = "no mail settings on this node";

	private final MailOutbox outbox;

	private final MailTransport transport;

	private final Clock clock;

	MailWorker(MailOutbox outbox, MailTransport transport, Clock clock) {
		this.outbox = outbox;
		this.transport = transport;
		this.clock = clock;
	}

	void deliver(String id) {
		UUID messageId = UUID.fromString(id);
		if (!outbox.pending(messageId)) {
			return;
		}
		OutboxMessage message = outbox.find(messageId);
		if (!transport.enabled()) {
			// Queued by a node with mail settings, picked up by one without: ending the
			// job here would leave the message pending with no job to send it.
			throw failed(id, message, NO_TRANSPORT);
		}
		try {
			transport.send(message);
		}
		catch (Exception ex) {
			throw failed(id, message, ex.getClass().getSimpleName());
		}
		outbox.sent(messageId, clock.instant());
	}

	private MailNotSent failed(String id, OutboxMessage message, String error) {
		log.warn("Mail {} attempt {} failed ({})", id, message.attempts() + 1, error);
		outbox.attemptFailed(message.id(), error);
		return new MailNotSent(id, error);
	}

	void giveUp(String id) {
		outbox.gaveUp(UUID.fromString(id));
	}

	/** A failed attempt, for the job to retry. */
	static final class MailNotSent extends RuntimeException {

		MailNotSent(String id, String error) {
			super("Mail " + id + " not sent: " + error, null, false, false);
		}

	}

}
