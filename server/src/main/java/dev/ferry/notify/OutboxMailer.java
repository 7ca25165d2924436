package dev.ferry.notify;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.ferry.i18n.Languages;
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

	private final List<RecipientLocales> accountLocales;

	OutboxMailer(MailTransport transport, MailTemplates templates, MailOutbox outbox, Jobs jobs, Clock clock,
			List<RecipientLocales> accountLocales) {
		this.accountLocales = accountLocales;
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
	public boolean send(String recipient, Locale preferred, String template, Map<String, String> values) {
		Locale locale = accountLocales.stream()
			.map((locales) -> locales.of(recipient))
			.flatMap(Optional::stream)
			.findFirst()
			.orElse((preferred != null) ? preferred : Languages.DEFAULT);
		MailTemplates.Rendered rendered = templates.render(template, values, locale);
		if (!enabled()) {
			return false;
		}
		UUID id = UUID.randomUUID();
		outbox.add(id, recipient, rendered, clock.instant());
		jobs.enqueue(MailJob.NAME, id.toString());
		return true;
	}

	@Override
	public void forget(String recipient) {
		outbox.forget(recipient);
	}

}
