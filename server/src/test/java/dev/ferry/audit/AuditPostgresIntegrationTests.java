package dev.ferry.audit;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import dev.ferry.testing.Api;
import dev.ferry.testing.Databases;
import dev.ferry.testing.TestAccounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole server on a fresh PostgreSQL database: everything the audit trail does over
 * HTTP works there too, so no SQLite-only SQL hides in the running application.
 */
@DirtiesContext
class AuditPostgresIntegrationTests extends AuditIntegrationTest {

	private static String databaseUrl;

	@Autowired
	DataSource dataSource;

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		registry.add("ferry.db.url", AuditPostgresIntegrationTests::database);
		registry.add("ferry.db.username", Databases::postgresUser);
	}

	@AfterAll
	static void dropDatabase() {
		if (databaseUrl != null) {
			Databases.dropPostgresDatabase(databaseUrl);
		}
	}

	private static synchronized String database() {
		if (databaseUrl == null) {
			databaseUrl = Databases.createPostgresDatabase();
		}
		return databaseUrl;
	}

	@Test
	void auditTrailIsSearchableExportableAndTamperEvidentOnPostgres() {
		assertThat(jdbc.sql("SELECT version()").query(String.class).single()).startsWith("PostgreSQL");
		String email = TestAccounts.uniqueEmail("pg");
		for (int i = 0; i < 3; i++) {
			failedLogin(email);
		}
		String userEmail = TestAccounts.uniqueEmail("pg-user");
		String userId = createUser(userEmail);
		String user = api.login(userEmail, TestAccounts.PASSWORD);
		assertThat(api.get(AUDIT_LOGS, user).status()).isEqualTo(403);
		assertThat(api.get("/api/v1/me", "rejected-token").status()).isEqualTo(401);
		String admin = adminToken();

		List<JsonNode> failures = items(search(admin, Map.of("action", "auth.*", "outcome", "failure")));
		assertThat(failures).extracting((item) -> item.get("action").asString())
			.containsExactly("auth.token_rejected", "auth.login", "auth.login", "auth.login");
		assertThat(items(search(admin, Map.of("actor", userId, "limit", "1", "from", "2020-01-01T00:00:00Z"))))
			.extracting((item) -> item.get("action").asString())
			.containsExactly("access.denied");
		JsonNode activity = api.get("/api/v1/me/activity", user).json();
		assertThat(items(activity)).extracting((item) -> item.get("action").asString())
			.containsExactly("access.denied", "auth.login");

		Api.Response csv = api.get(AUDIT_LOGS + "/export?format=csv&action=auth.login", admin);
		assertThat(csv.status()).isEqualTo(200);
		assertThat(Csv.parse(csv.body())).hasSizeGreaterThan(4);

		assertThat(verify(admin).get("valid").asBoolean()).isTrue();
		String middle = failures.get(2).get("id").asString();
		jdbc.sql("UPDATE audit_log SET details = '{\"email\":\"someone-else@ferry.test\"}' WHERE id = ?")
			.param(middle)
			.update();
		JsonNode broken = verify(admin);
		assertThat(broken.get("valid").asBoolean()).isFalse();
		assertThat(broken.get("first_invalid_id").asString()).isEqualTo(middle);
		assertThat(broken.get("reason").asString()).isEqualTo("hash_mismatch");
	}

	/**
	 * On PostgreSQL a failed statement aborts its transaction. A SCIM create whose email
	 * another transaction inserts between the check and the insert must still be answered
	 * 409 and audited, not end in an unexpected rollback (a 500).
	 */
	@Test
	void aScimCreateThatLosesTheRaceForItsEmailIsRefusedAndAudited() throws Exception {
		Api.Response key = api.post("/api/v1/auth/api-keys", Map.of("name", "idp", "scopes", List.of("scim")),
				adminToken());
		assertThat(key.status()).as(key.body()).isEqualTo(201);
		String email = TestAccounts.uniqueEmail("race");
		try (Connection other = dataSource.getConnection()) {
			other.setAutoCommit(false);
			TestAccounts.row().email(email).insert(JdbcClient.create(new SingleConnectionDataSource(other, true)));
			CompletableFuture<Api.Response> created = CompletableFuture.supplyAsync(() -> api.post("/scim/v2/Users",
					Map.of("schemas", List.of("urn:ietf:params:scim:schemas:core:2.0:User"), "userName", email),
					key.json().get("key").asString()));
			// The server's insert waits on the uncommitted row's unique key: the only
			// lock
			// anything waits for in this test's own database.
			await().atMost(30, TimeUnit.SECONDS)
				.until(() -> jdbc
					.sql("SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
							+ "AND datname = current_database()")
					.query(Long.class)
					.single() > 0);
			other.commit();

			Api.Response refused = created.get(30, TimeUnit.SECONDS);

			assertThat(refused.status()).as(refused.body()).isEqualTo(409);
		}
		assertThat(jdbc.sql("SELECT details FROM audit_log WHERE action = 'scim.request' AND outcome = 'failure'")
			.query(String.class)
			.list()).anySatisfy((details) -> assertThat(details).contains("\"status\":409", "uniqueness"));
	}

}
