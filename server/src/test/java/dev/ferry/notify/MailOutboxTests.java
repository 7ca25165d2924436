package dev.ferry.notify;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import dev.ferry.crypto.TestSecrets;
import dev.ferry.i18n.Messages;
import dev.ferry.jobs.Jobs;
import dev.ferry.testing.Databases;
import dev.ferry.testing.FreePorts;
import dev.ferry.testing.MutableClock;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The outbox and its worker against a real database of each vendor and a real SMTP
 * server: a failed attempt is counted and thrown for the job to retry (the backoff is the
 * jobs module's, see {@code JobsTests}), and the message is delivered once the server is
 * up. Subject and bodies are at rest only sealed, and dropped once the message is sent or
 * given up.
 */
class MailOutboxTests {

	@ParameterizedTest
	@EnumSource(Databases.Vendor.class)
	void retriesWithBackoffUntilTheServerAnswers(Databases.Vendor vendor) throws Exception {
		int port = FreePorts.take();
		MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
		MailProperties properties = new MailProperties("127.0.0.1", port, null, null, "ferry@ferry.test", false,
				Duration.ofMinutes(1), 3);
		try (Databases.Fresh db = Databases.migrated(vendor)) {
			MailOutbox outbox = new MailOutbox(db.jdbc(), TestSecrets.kek());
			MailTransport transport = new MailTransport(sender(port), properties.from());
			MailWorker worker = new MailWorker(outbox, transport, clock);
			QueuedIds jobs = new QueuedIds();
			OutboxMailer mailer = new OutboxMailer(transport, new MailTemplates(new Messages()), outbox, jobs, clock,
					List.of());

			assertThat(mailer.send("to@example.test", "verification-code", Map.of("code", "123456", "title", "<T>")))
				.isTrue();
			String id = jobs.single();
			assertThatThrownBy(() -> worker.deliver(id)).isInstanceOf(MailWorker.MailNotSent.class)
				.hasNoCause()
				.hasMessageNotContaining("127.0.0.1");
			assertThat(status(db)).isEqualTo("pending:1");
			assertNoPlaintextAtRest(db, "123456");
			assertThat(sealedBody(db)).isNotNull();
			assertThatThrownBy(() -> new MailWorker(outbox, MailTransport.DISABLED, clock).deliver(id))
				.as("a node without mail settings fails the attempt, leaving the message to retry")
				.isInstanceOf(MailWorker.MailNotSent.class);
			assertThat(status(db)).isEqualTo("pending:2");

			GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
			smtp.start();
			try {
				worker.deliver(id);
				MimeMessage[] received = smtp.getReceivedMessages();
				assertThat(received).hasSize(1);
				assertThat(received[0].getSubject()).isEqualTo("Your Ferry code: 123456");
				assertThat(GreenMailUtil.getBody(received[0])).contains("&lt;T&gt;").contains("\"<T>\"");
				assertThat(status(db)).isEqualTo("sent:3");
				assertNoPlaintextAtRest(db, "123456");
				assertThat(sealedBody(db)).isNull();
				worker.deliver(id);
				assertThat(smtp.getReceivedMessages()).hasSize(1);
			}
			finally {
				smtp.stop();
			}
		}
	}

	@ParameterizedTest
	@EnumSource(Databases.Vendor.class)
	void givesUpAfterTheLastAttempt(Databases.Vendor vendor) {
		int port = FreePorts.take();
		MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
		MailProperties properties = new MailProperties("127.0.0.1", port, null, null, "ferry@ferry.test", false,
				Duration.ofMinutes(1), 2);
		try (Databases.Fresh db = Databases.migrated(vendor)) {
			MailOutbox outbox = new MailOutbox(db.jdbc(), TestSecrets.kek());
			MailTransport transport = new MailTransport(sender(port), properties.from());
			MailWorker worker = new MailWorker(outbox, transport, clock);
			QueuedIds jobs = new QueuedIds();
			new OutboxMailer(transport, new MailTemplates(new Messages()), outbox, jobs, clock, List.of()).send(
					"to@example.test", "transfer-expired-unopened",
					Map.of("title", "Secret title", "expires_at", "2030-01-01T00:00:00Z"));
			assertNoPlaintextAtRest(db, "Secret title");
			String id = jobs.single();

			assertThatThrownBy(() -> worker.deliver(id)).isInstanceOf(MailWorker.MailNotSent.class);
			assertThatThrownBy(() -> worker.deliver(id)).isInstanceOf(MailWorker.MailNotSent.class);
			worker.giveUp(id);
			worker.deliver(id);

			assertThat(status(db)).isEqualTo("failed:2");
			assertNoPlaintextAtRest(db, "Secret title");
			assertThat(sealedBody(db)).isNull();
			assertThat(db.jdbc().sql("SELECT last_error FROM mail_outbox").query(String.class).single()).isNotBlank()
				.doesNotContain("127.0.0.1");
		}
	}

	@ParameterizedTest
	@EnumSource(Databases.Vendor.class)
	void nothingIsQueuedWhenMailIsOff(Databases.Vendor vendor) {
		try (Databases.Fresh db = Databases.migrated(vendor)) {
			OutboxMailer mailer = new OutboxMailer(MailTransport.DISABLED, new MailTemplates(new Messages()),
					new MailOutbox(db.jdbc(), TestSecrets.kek()), new QueuedIds(), new MutableClock(Instant.now()),
					List.of());

			assertThat(mailer.send("to@example.test", "verification-code", Map.of("code", "1", "title", "t")))
				.isFalse();
			assertThat(mailer.status()).isEqualTo("disabled");
			assertThat(db.jdbc().sql("SELECT COUNT(*) FROM mail_outbox").query(Long.class).single()).isZero();
		}
	}

	@ParameterizedTest
	@EnumSource(Databases.Vendor.class)
	void plaintextQueuedByAnOlderVersionIsSealedAndStillSent(Databases.Vendor vendor) throws Exception {
		int port = FreePorts.take();
		MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
		MailProperties properties = new MailProperties("127.0.0.1", port, null, null, "ferry@ferry.test", false,
				Duration.ofMinutes(1), 3);
		try (Databases.Fresh db = Databases.migrated(vendor)) {
			db.jdbc()
				.sql("INSERT INTO mail_outbox (id, recipient, subject, text_body, html_body, status, attempts, "
						+ "next_attempt_at, claimed_until, created_at) VALUES (?, 'to@example.test', "
						+ "'Your Ferry code: 654321', 'code 654321', '<p>code 654321</p>', 'pending', 0, 0, 0, 0)")
				.param(UUID.randomUUID().toString())
				.update();
			MailOutbox outbox = new MailOutbox(db.jdbc(), TestSecrets.kek());

			assertThat(outbox.sealPlaintext()).isOne();
			assertThat(outbox.sealPlaintext()).isZero();

			assertNoPlaintextAtRest(db, "654321");
			GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
			smtp.start();
			try {
				MailWorker worker = new MailWorker(outbox, new MailTransport(sender(port), properties.from()), clock);
				outbox.pendingIds().forEach((id) -> worker.deliver(id.toString()));
				MimeMessage[] received = smtp.getReceivedMessages();
				assertThat(received).hasSize(1);
				assertThat(received[0].getSubject()).isEqualTo("Your Ferry code: 654321");
				assertThat(GreenMailUtil.getBody(received[0])).contains("code 654321");
			}
			finally {
				smtp.stop();
			}
		}
	}

	/** What the mailer queued, for the test to run as the job would. */
	private static final class QueuedIds implements Jobs {

		private final List<String> ids = new ArrayList<>();

		@Override
		public void enqueue(String job, String id) {
			assertThat(job).isEqualTo(MailJob.NAME);
			ids.add(id);
		}

		String single() {
			assertThat(ids).hasSize(1);
			return ids.get(0);
		}

	}

	/** Neither the plaintext columns nor the sealed bytes show {@code secret}. */
	private static void assertNoPlaintextAtRest(Databases.Fresh db, String secret) {
		assertThat(
				db.jdbc().sql("SELECT subject || text_body || html_body FROM mail_outbox").query(String.class).single())
			.doesNotContain(secret);
		byte[] sealed = sealedBody(db);
		if (sealed != null) {
			assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain(secret);
		}
	}

	private static byte[] sealedBody(Databases.Fresh db) {
		return db.jdbc().sql("SELECT sealed_body FROM mail_outbox").query((rs, i) -> rs.getBytes(1)).list().get(0);
	}

	private static String status(Databases.Fresh db) {
		return db.jdbc().sql("SELECT status || ':' || attempts FROM mail_outbox").query(String.class).single();
	}

	private static JavaMailSenderImpl sender(int port) {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost("127.0.0.1");
		sender.setPort(port);
		sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "2000");
		sender.getJavaMailProperties().put("mail.smtp.timeout", "5000");
		return sender;
	}

}
