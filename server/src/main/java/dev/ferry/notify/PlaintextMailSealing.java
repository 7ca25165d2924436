package dev.ferry.notify;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Seals, once at start, the messages that a version before sealed bodies queued in
 * plaintext (the V23 migration already blanked those sent or given up).
 */
@Component
class PlaintextMailSealing implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(PlaintextMailSealing.class);

	private final MailOutbox outbox;

	PlaintextMailSealing(MailOutbox outbox) {
		this.outbox = outbox;
	}

	@Override
	public void run(ApplicationArguments args) {
		int sealed = outbox.sealPlaintext();
		if (sealed > 0) {
			log.info("Sealed {} queued mail messages that were kept in plaintext", sealed);
		}
	}

}
