package dev.ferry.auth;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.ferry.FerryApplication;
import dev.ferry.testing.Api;
import dev.ferry.testing.IntegrationTest;
import dev.ferry.testing.MutableClock;
import dev.ferry.testing.OwnServer;
import org.junit.jupiter.api.BeforeEach;

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

/**
 * A second server whose clock the tests move, so expiry is tested without waiting. It
 * runs with {@code FERRY_REGISTRATION=open} too, so open registration needs no third
 * server; every subclass shares it. Its tests register many accounts from 127.0.0.1, so
 * the per-address registration limit is raised here (RegistrationLimitIntegrationTests
 * tests the default).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		classes = { FerryApplication.class, TimeTravelTest.ClockConfiguration.class },
		properties = { "ferry.registration=open", "ferry.auth.registrations-per-ip=1000" })
abstract class TimeTravelTest {

	static final String PASSWORD = "time-travel-passphrase-Kq7";

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	Api api;

	@DynamicPropertySource
	static void ownServer(DynamicPropertyRegistry registry) {
		OwnServer.register(registry, "time");
	}

	@BeforeEach
	void connectClient() {
		api = new Api("http://127.0.0.1:" + port);
	}

	String adminToken() {
		return api.login(IntegrationTest.ADMIN_EMAIL, IntegrationTest.ADMIN_PASSWORD);
	}

	/** Registers (open mode) a new user and answers its email. */
	String register(String email) {
		Api.Response response = api.post("/api/v1/auth/register", Map.of("email", email, "password", PASSWORD), null);
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return email;
	}

	List<String> auditDetails(String action) {
		return jdbc.sql("SELECT details FROM audit_log WHERE action = ? ORDER BY seq DESC")
			.param(action)
			.query(String.class)
			.list();
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
