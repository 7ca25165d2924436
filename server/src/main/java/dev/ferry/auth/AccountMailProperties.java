package dev.ferry.auth;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** SMTP settings ({@code FERRY_SMTP_*}); without a host, account mail is off. */
@ConfigurationProperties("ferry.account.smtp")
record AccountMailProperties(String host, @DefaultValue("587") int port, String username, String password,
		@DefaultValue("ferry@localhost") String from, @DefaultValue("true") boolean starttls) {

	boolean configured() {
		return host != null && !host.isBlank();
	}

}
