package dev.ferry.ops;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import dev.ferry.testing.Api;
import dev.ferry.testing.IntegrationTest;
import dev.ferry.testing.OwnPostgres;
import dev.ferry.testing.OwnRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * PostgreSQL, then the Redis that counts the limits, go away under a running server and
 * come back: readiness turns red while liveness stays green, every request that needs the
 * service (signed in, signing in, many at once) answers 503
 * {@code /problems/database-unavailable} or {@code /problems/limits-unavailable} with
 * Retry-After instead of hanging or a 500, and the server recovers by itself. Both are
 * the test's own, so stopping them disturbs no other test.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class OutageIntegrationTests extends IntegrationTest {

	private static final OwnPostgres POSTGRES = OwnPostgres.create();

	private static final OwnRedis REDIS = OwnRedis.create();

	@DynamicPropertySource
	static void ownDatabase(DynamicPropertyRegistry registry) {
		registry.add("ferry.db.url", POSTGRES::url);
		registry.add("ferry.db.username", () -> "ferry");
		registry.add("ferry.db.connect-timeout", () -> "1s");
		registry.add("ferry.redis.url", REDIS::url);
		// Loopback is scored here, so a failure the defender counts meets the outage too.
		registry.add("ferry.defender.exempt", () -> "192.0.2.0/24");
	}

	@AfterAll
	static void removeServices() {
		POSTGRES.close();
		REDIS.close();
	}

	@Test
	void anOutageAnswers503AndTheServerRecoversWithoutARestart() {
		String token = adminToken();
		assertThat(api.get("/api/v1/files", token).status()).isEqualTo(200);

		POSTGRES.stop();
		await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/health/ready", null).status() == 503);
		assertThat(api.get("/health", null).status()).isEqualTo(200);

		ExecutorService clients = Executors.newFixedThreadPool(20);
		try {
			List<CompletableFuture<Api.Response>> responses = IntStream.range(0, 40)
				.mapToObj((i) -> CompletableFuture.supplyAsync(() -> api.get("/api/v1/files", token), clients))
				.toList();
			for (CompletableFuture<Api.Response> response : responses) {
				assertUnavailable(response.join(), "database-unavailable");
			}
		}
		finally {
			clients.shutdown();
		}
		assertUnavailable(
				api.post("/api/v1/auth/login", Map.of("email", ADMIN_EMAIL, "password", ADMIN_PASSWORD), null),
				"database-unavailable");

		POSTGRES.start();
		await().atMost(Duration.ofSeconds(60)).until(() -> api.get("/health/ready", null).status() == 200);
		assertThat(api.get("/api/v1/files", token).status()).isEqualTo(200);
		assertThat(adminToken()).isNotBlank();
	}

	@Test
	void aRedisOutageAnswers503AndTheServerRecoversWithoutARestart() {
		assertThat(signIn().status()).isEqualTo(200);
		assertThat(api.get("/health/ready", null).status()).isEqualTo(200);

		REDIS.stop();
		await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/health/ready", null).status() == 503);
		assertThat(api.get("/health", null).status()).isEqualTo(200);
		ExecutorService clients = Executors.newFixedThreadPool(10);
		try {
			List<CompletableFuture<Api.Response>> responses = IntStream.range(0, 20)
				.mapToObj((i) -> CompletableFuture.supplyAsync(this::signIn, clients))
				.toList();
			for (CompletableFuture<Api.Response> response : responses) {
				assertUnavailable(response.join(), "limits-unavailable");
			}
		}
		finally {
			clients.shutdown();
		}
		assertThat(api.get("/api/v1/files", null).status()).as("the defender's strike is dropped, the 401 stays")
			.isEqualTo(401);

		REDIS.start();
		await().atMost(Duration.ofSeconds(60)).until(() -> api.get("/health/ready", null).status() == 200);
		assertThat(signIn().status()).isEqualTo(200);
	}

	private Api.Response signIn() {
		return api.post("/api/v1/auth/login", Map.of("email", ADMIN_EMAIL, "password", ADMIN_PASSWORD), null);
	}

	private static void assertUnavailable(Api.Response response, String slug) {
		assertThat(response.status()).as(response.body()).isEqualTo(503);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("type").asString()).isEqualTo("/problems/" + slug);
		assertThat(response.header("Retry-After")).isEqualTo("5");
		assertThat(response.header("X-Request-Id")).as("to quote when reporting it").isNotBlank();
		assertThat(response.body()).doesNotContain("Exception");
	}

}
