package dev.ferry.notify;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.ferry.testing.FreePorts;
import dev.ferry.testing.OwnServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Mail is a one-time job: with the SMTP server unreachable, a queued message is tried
 * {@code FERRY_MAIL_MAX_ATTEMPTS} times with backoff, then marked failed, and the job
 * metrics count the failed runs and the given-up execution. The notify module alone, with
 * the modules it uses (crypto, i18n, jobs) and the database: no web server, no accounts.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, extraIncludes = { "database", "ops" })
class MailJobIntegrationTests {

	@Autowired
	Mailer mailer;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	MeterRegistry meters;

	@DynamicPropertySource
	static void unreachableSmtp(DynamicPropertyRegistry registry) throws IOException {
		int closedPort = FreePorts.take();
		OwnServer.register(registry, "mail-job");
		registry.add("ferry.mail.host", () -> "127.0.0.1");
		registry.add("ferry.mail.port", () -> closedPort);
		registry.add("ferry.mail.starttls", () -> "false");
		registry.add("ferry.mail.retry-delay", () -> "200ms");
		registry.add("ferry.mail.max-attempts", () -> "3");
		// The readiness group names the blob store's probe, which belongs to the storage
		// module this test leaves out.
		registry.add("management.endpoint.health.validate-group-membership", () -> "false");
	}

	@Test
	void aMailThatCannotBeSentIsRetriedThenMarkedFailedAndCounted() {
		String email = "job-" + UUID.randomUUID() + "@ferry.test";
		Boolean queued = transactions.execute(
				(status) -> mailer.send(email, "account-password-reset", Map.of("url", "https://ferry.test/reset")));
		assertThat(queued).isTrue();

		await().atMost(Duration.ofSeconds(30)).until(() -> "failed".equals(status(email)));
		assertThat(jdbc.sql("SELECT attempts FROM mail_outbox WHERE recipient = ?")
			.param(email)
			.query(Integer.class)
			.single()).isEqualTo(3);
		assertThat(jdbc.sql("SELECT last_error FROM mail_outbox WHERE recipient = ?")
			.param(email)
			.query(String.class)
			.single()).isEqualTo("MailSendException");
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(count(meters.find("dbscheduler_task_completions").tag("task", "mail").tag("result", "failed")))
				.isEqualTo(3);
			assertThat(count(meters.find("ferry.jobs.gave.up").tag("task", "mail"))).isEqualTo(1);
			assertThat(meters.find("ferry.jobs.scheduled").tag("task", "mail").gauge().value()).isZero();
		});
	}

	private String status(String email) {
		return jdbc.sql("SELECT status FROM mail_outbox WHERE recipient = ?")
			.param(email)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	private static double count(Search search) {
		return search.counter() == null ? -1 : search.counter().count();
	}

	/** Accounts live in another module; no address here has chosen a language. */
	@TestConfiguration(proxyBeanMethods = false)
	static class NoAccounts {

		@Bean
		RecipientLocales recipientLocales() {
			return (email) -> Optional.empty();
		}

	}

}
