package dev.ferry.notify;

import java.util.Locale;
import java.util.Map;

/**
 * The notify module's public service: queues a message built from a classpath template
 * ({@code mail/<template>.txt} and {@code .html}) for the background sender. Queuing
 * joins the caller's transaction, so a message exists exactly when the action that caused
 * it committed, and it survives restarts and SMTP outages.
 */
public interface Mailer {

	/** False when no SMTP server is configured: nothing is queued then. */
	boolean enabled();

	/** What the API reports about mail: {@code "enabled"} or {@code "disabled"}. */
	default String status() {
		return enabled() ? "enabled" : "disabled";
	}

	/**
	 * Queues one message to {@code recipient}; {@code values} fill the template's
	 * {@code {{name}}} placeholders (HTML-escaped in the HTML part). Returns false when
	 * mail is disabled.
	 */
	default boolean send(String recipient, String template, Map<String, String> values) {
		return send(recipient, null, template, values);
	}

	/**
	 * Like {@link #send(String, String, Map)}, in the recipient's language: the one their
	 * account chose, else {@code preferred} (what the sender chose for them, or the
	 * sender's own; may be null), else English.
	 */
	boolean send(String recipient, Locale preferred, String template, Map<String, String> values);

	/**
	 * Forgets every message to {@code recipient}, sent or still waiting (which is then
	 * never sent): an erased account's address leaves the outbox with it. Joins the
	 * caller's transaction.
	 */
	void forget(String recipient);

}
