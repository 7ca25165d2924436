package dev.ferry.auth;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.task.TaskExecutor;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.util.HtmlUtils;

/**
 * {@link AccountMail} over SMTP ({@code FERRY_SMTP_*}): renders at once, sends after
 * commit on a background thread, so a slow mail server never slows a request and a rolled
 * back action sends nothing. A failed send is logged (recipient and template only).
 */
@Component
class SmtpAccountMail implements AccountMail {

	private static final Logger log = LoggerFactory.getLogger(SmtpAccountMail.class);

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z_]+)}}");

	private final JavaMailSenderImpl sender;

	private final String from;

	private final TaskExecutor executor;

	SmtpAccountMail(AccountMailProperties properties, @Qualifier("applicationTaskExecutor") TaskExecutor executor) {
		this.sender = properties.configured() ? sender(properties) : null;
		this.from = properties.from();
		this.executor = executor;
	}

	@Override
	public boolean enabled() {
		return sender != null;
	}

	@Override
	public boolean send(String recipient, String template, Map<String, String> values) {
		String text = fill(load(template + ".txt"), values, false);
		String html = fill(load(template + ".html"), values, true);
		if (!enabled()) {
			return false;
		}
		int newline = text.indexOf('\n');
		String subject = text.substring("Subject: ".length(), newline).strip();
		String body = text.substring(newline + 1).strip() + "\n";
		Runnable delivery = () -> executor.execute(() -> deliver(recipient, template, subject, body, html));
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					delivery.run();
				}
			});
		}
		else {
			delivery.run();
		}
		return true;
	}

	private void deliver(String recipient, String template, String subject, String text, String html) {
		try {
			MimeMessage mime = sender.createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(mime, true, "UTF-8");
			helper.setFrom(from);
			helper.setTo(recipient);
			helper.setSubject(subject);
			helper.setText(text, html);
			sender.send(mime);
		}
		catch (MessagingException | MailException ex) {
			log.warn("Could not send the {} mail to {}: {}", template, recipient, ex.getClass().getSimpleName());
		}
	}

	private static JavaMailSenderImpl sender(AccountMailProperties properties) {
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
		javaMail.put("mail.smtp.connectiontimeout", "10000");
		javaMail.put("mail.smtp.timeout", "30000");
		return sender;
	}

	private static String load(String name) {
		try (InputStream in = new ClassPathResource("mail/" + name).getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Missing mail template " + name, ex);
		}
	}

	private static String fill(String template, Map<String, String> values, boolean html) {
		Matcher matcher = PLACEHOLDER.matcher(template);
		StringBuilder out = new StringBuilder();
		while (matcher.find()) {
			String value = values.get(matcher.group(1));
			if (value == null) {
				throw new IllegalArgumentException("No value for mail placeholder " + matcher.group(1));
			}
			matcher.appendReplacement(out, Matcher.quoteReplacement(html ? HtmlUtils.htmlEscape(value) : value));
		}
		matcher.appendTail(out);
		return out.toString();
	}

}
