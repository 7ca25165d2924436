package dev.ferry.notify;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import dev.ferry.testing.Api;
import dev.ferry.testing.FerryProcess;
import dev.ferry.testing.FreePorts;
import dev.ferry.testing.IntegrationTest;
import dev.ferry.testing.OwnServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Mail is a one-time job: with the SMTP server unreachable, a password-reset mail asked
 * for over HTTP is tried {@code FERRY_MAIL_MAX_ATTEMPTS} times with backoff, then marked
 * failed, and {@code /metrics} shows the failed runs and the given-up execution.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MailJobIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Api api;

	@DynamicPropertySource
	static void ownServer(DynamicPropertyRegistry registry) throws IOException {
		int closedPort = FreePorts.take();
		OwnServer.register(registry, "mail-job");
		registry.add("ferry.mail.host", () -> "127.0.0.1");
		registry.add("ferry.mail.port", () -> closedPort);
		registry.add("ferry.mail.starttls", () -> "false");
		registry.add("ferry.mail.retry-delay", () -> "200ms");
		registry.add("ferry.mail.max-attempts", () -> "3");
	}

	@BeforeEach
	void connectClient() {
		api = new Api("http://127.0.0.1:" + port);
	}

	@Test
	void aMailThatCannotBeSentIsRetriedThenMarkedFailedAndCounted() {
		String admin = api.login(IntegrationTest.ADMIN_EMAIL, IntegrationTest.ADMIN_PASSWORD);
		String email = "job-" + UUID.randomUUID() + "@ferry.test";
		assertThat(api
			.post("/api/v1/admin/users", Map.of("email", email, "password", "mail-job-passphrase-Kq7", "role", "user"),
					admin)
			.status()).isEqualTo(201);

		assertThat(api.post("/api/v1/auth/password-reset", Map.of("email", email), null).status()).isEqualTo(202);

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
			String metrics = api.get("/metrics", null).body();
			assertThat(value(metrics, "dbscheduler_task_completions_total{result=\"failed\",task=\"mail\"}"))
				.isEqualTo(3);
			assertThat(value(metrics, "ferry_jobs_gave_up_total{task=\"mail\"}")).isEqualTo(1);
			assertThat(value(metrics, "ferry_jobs_scheduled{task=\"mail\"}")).isZero();
			assertThat(value(metrics, "ferry_jobs_scheduled{task=\"share-sweep\"}")).isEqualTo(1);
		});
	}

	private String status(String email) {
		return jdbc.sql("SELECT status FROM mail_outbox WHERE recipient = ?")
			.param(email)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	private static double value(String metrics, String series) {
		return metrics.lines()
			.filter((line) -> line.startsWith(series + " "))
			.mapToDouble((line) -> Double.parseDouble(line.substring(series.length() + 1).trim()))
			.findFirst()
			.orElse(-1);
	}

}
