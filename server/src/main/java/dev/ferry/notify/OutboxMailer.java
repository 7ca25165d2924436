package dev.ferry.notify;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;

/** {@link Mailer} that renders now and leaves sending to {@link MailWorker}. */
@Service
class OutboxMailer implements Mailer {

	private final MailTransport transport;

	private final MailTemplates templates;

	private final MailOutbox outbox;

	private final Clock clock;

	OutboxMailer(MailTransport transport, MailTemplates templates, MailOutbox outbox, Clock clock) {
		this.transport = transport;
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
		outbox.add(UUID.randomUUID(), recipient, rendered, clock.instant());
		return true;
	}

}
