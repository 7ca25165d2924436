package dev.ferry.auth;

import java.util.Map;

/**
 * Mail to account holders (password reset, new-device and 2FA-reset notices), built from
 * classpath templates {@code mail/<template>.txt} (first line {@code Subject: ...}) and
 * {@code .html} with {@code {{placeholder}}} values. A port, so the notify module's
 * outbox can take over sending without touching the callers.
 */
interface AccountMail {

	/** False when no SMTP server is configured; nothing is sent then. */
	boolean enabled();

	/**
	 * Sends once the current transaction commits (at once outside one), in the
	 * background; answers false when mail is off.
	 */
	boolean send(String recipient, String template, Map<String, String> values);

}
