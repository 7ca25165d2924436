package dev.ferry.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import dev.ferry.FerryApplication;
import dev.ferry.testing.Api;
import dev.ferry.testing.IntegrationTest;
import dev.ferry.testing.MutableClock;
import dev.ferry.testing.OwnServer;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A server with account mail on (a real GreenMail SMTP server on a free loopback port), a
 * clock the tests move, a maximum password age of 90 days and open registration. Every
 * subclass shares it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		classes = { FerryApplication.class, AccountMailTest.ClockConfiguration.class },
		properties = { "ferry.account.password-max-age=90d", "ferry.registration=open" })
abstract class AccountMailTest {

	static final String PASSWORD = "mail-test-passphrase-Vx3";

	static final GreenMail MAIL = OwnServer.startMail();

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	Api api;

	@DynamicPropertySource
	static void ownServer(DynamicPropertyRegistry registry) {
		OwnServer.register(registry, "mail");
		OwnServer.registerMail(registry, MAIL);
	}

	@BeforeEach
	void connectClient() {
		api = new Api("http://127.0.0.1:" + port);
	}

	String adminToken() {
		return api.login(IntegrationTest.ADMIN_EMAIL, IntegrationTest.ADMIN_PASSWORD);
	}

	/** A new account (admin API) with {@link #PASSWORD}. */
	String createUser(String prefix) {
		String email = prefix + "-" + java.util.UUID.randomUUID() + "@ferry.test";
		Api.Response created = api.post("/api/v1/admin/users",
				Map.of("email", email, "password", PASSWORD, "role", "user"), adminToken());
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return email;
	}

	JsonNode signIn(String email, String password) {
		Api.Response response = api.post("/api/v1/auth/login", Map.of("email", email, "password", password), null);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	List<String> auditDetails(String action) {
		return jdbc.sql("SELECT details FROM audit_log WHERE action = ? ORDER BY seq DESC")
			.param(action)
			.query(String.class)
			.list();
	}

	/** Messages to {@code address}, waiting until there are {@code count}. */
	static List<MimeMessage> mailTo(String address, int count) {
		await().atMost(Duration.ofSeconds(20)).until(() -> received(address).size() >= count);
		return received(address);
	}

	static List<MimeMessage> received(String address) {
		return Arrays.stream(MAIL.getReceivedMessages()).filter((message) -> {
			try {
				return Arrays.stream(message.getAllRecipients()).anyMatch((a) -> a.toString().equals(address));
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Group 1 of the first match of {@code regex} in the message's decoded body. */
	static String find(MimeMessage message, String regex) {
		String body = GreenMailUtil.getBody(message).replace("=\r\n", "").replace("=3D", "=");
		Matcher matcher = Pattern.compile(regex).matcher(body);
		assertThat(matcher.find()).as("'" + regex + "' in " + body).isTrue();
		return matcher.group(1);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class ClockConfiguration {

		@Bean
		@Primary
		MutableClock testClock() {
			return new MutableClock(Instant.now());
		}

	}

}
