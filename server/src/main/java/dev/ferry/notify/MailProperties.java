package dev.ferry.notify;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * SMTP settings ({@code FERRY_SMTP_*}); without a host, mail is off. A failed message is
 * retried after {@code retryDelay}, doubling each time, up to {@code maxAttempts}.
 */
@ConfigurationProperties("ferry.mail")
record MailProperties(String host, @DefaultValue("587") int port, String username, String password,
		@DefaultValue("ferry@localhost") String from, @DefaultValue("true") boolean starttls,
		@DefaultValue("1m") Duration retryDelay, @DefaultValue("8") int maxAttempts) {

	boolean configured() {
		return host != null && !host.isBlank();
	}

}
