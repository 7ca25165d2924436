package dev.ferry.notify;

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
	boolean send(String recipient, String template, Map<String, String> values);

}
