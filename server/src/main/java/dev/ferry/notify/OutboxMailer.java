package dev.ferry.notify;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import dev.ferry.jobs.Jobs;

import org.springframework.stereotype.Service;

/**
 * {@link Mailer} that renders now and queues the {@code mail} job; inside a transaction
 * message and job commit together.
 */
@Service
class OutboxMailer implements Mailer {

	private final MailTransport transport;

	private final MailTemplates templates;

	private final MailOutbox outbox;

	private final Jobs jobs;

	private final Clock clock;

	OutboxMailer(MailTransport transport, MailTemplates templates, MailOutbox outbox, Jobs jobs, Clock clock) {
		this.transport = transport;
		this.jobs = jobs;
		this.templates = templates;
		this.outbox = outbox;
		this.clock = clock;
	}

	@Override
	public boolean enabled() {
		return transport.enabled();
	}

	@Override
	public boolean send(String recipient, String template, Map<String, String> values) {
		MailTemplates.Rendered rendered = templates.render(template, values);
		if (!enabled()) {
			return false;
		}
		UUID id = UUID.randomUUID();
		outbox.add(id, recipient, rendered, clock.instant());
		jobs.enqueue(MailJob.NAME, id.toString());
		return true;
	}

}
