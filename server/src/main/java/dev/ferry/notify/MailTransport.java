package dev.ferry.notify;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/** The SMTP client and sender address, or {@link #DISABLED} when mail is off. */
record MailTransport(JavaMailSender sender, String from) {

	static final MailTransport DISABLED = new MailTransport(null, null);

	boolean enabled() {
		return sender != null;
	}

	/** Sends a multipart/alternative message: plain text first, HTML preferred. */
	void send(OutboxMessage message) throws MessagingException {
		MimeMessage mime = sender.createMimeMessage();
		MimeMessageHelper helper = new MimeMessageHelper(mime, true, "UTF-8");
		helper.setFrom(from);
		helper.setTo(message.recipient());
		helper.setSubject(message.subject());
		helper.setText(message.textBody(), message.htmlBody());
		sender.send(mime);
	}

}
