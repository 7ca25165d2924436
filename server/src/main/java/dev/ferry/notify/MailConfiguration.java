package dev.ferry.notify;

import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Builds the SMTP client from {@code FERRY_SMTP_*} rather than Spring Boot's
 * {@code spring.mail.*}, so that "no host" reliably means "mail off" and is said once at
 * startup.
 */
@Configuration(proxyBeanMethods = false)
class MailConfiguration {

	private static final Logger log = LoggerFactory.getLogger(MailConfiguration.class);

	@Bean
	MailTransport mailTransport(MailProperties properties) {
		if (!properties.configured()) {
			log.info("Mail is off: FERRY_SMTP_HOST is not set, so no notification or verification mail is sent");
			return MailTransport.DISABLED;
		}
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost(properties.host());
		sender.setPort(properties.port());
		if (properties.username() != null && !properties.username().isBlank()) {
			sender.setUsername(properties.username());
			sender.setPassword(properties.password());
		}
		Properties javaMail = sender.getJavaMailProperties();
		javaMail.put("mail.smtp.auth", Boolean.toString(sender.getUsername() != null));
		javaMail.put("mail.smtp.starttls.enable", Boolean.toString(properties.starttls()));
		// With a password to send, a server (or a man in the middle stripping the offer)
		// without STARTTLS must not get it in clear, nor the reset links that follow.
		javaMail.put("mail.smtp.starttls.required",
				Boolean.toString(properties.starttls() && sender.getUsername() != null));
		javaMail.put("mail.smtp.connectiontimeout", "10000");
		javaMail.put("mail.smtp.timeout", "30000");
		javaMail.put("mail.smtp.writetimeout", "30000");
		log.info("Mail is on: SMTP {}:{}", properties.host(), properties.port());
		return new MailTransport(sender, properties.from());
	}

}
