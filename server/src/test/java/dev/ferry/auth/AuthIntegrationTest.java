package dev.ferry.auth;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.ferry.testing.Api;
import dev.ferry.testing.IntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shared-server tests of the auth module, with helpers to make accounts and read the
 * audit trail.
 */
abstract class AuthIntegrationTest extends IntegrationTest {

	static final String PASSWORD = "correct-horse-battery";

	@Autowired
	JdbcClient jdbc;

	/** A new account with a unique email, created through the admin API. */
	Account createAccount(String role) {
		String email = role + "-" + UUID.randomUUID() + "@ferry.test";
		Api.Response created = api.post("/api/v1/admin/users",
				Map.of("email", email, "password", PASSWORD, "role", role), adminToken());
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return new Account(created.json().get("id").asString(), email);
	}

	/** Signs in and returns the whole token response. */
	JsonNode signIn(String email) {
		Api.Response response = api.post("/api/v1/auth/login", Map.of("email", email, "password", PASSWORD), null);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	/**
	 * Audit records for {@code action}, newest first, as (outcome, actor_id, object_id,
	 * details).
	 */
	List<AuditRow> audits(String action) {
		return jdbc
			.sql("SELECT outcome, actor_id, object_id, details FROM audit_log WHERE action = ? ORDER BY seq DESC")
			.param(action)
			.query((rs, i) -> new AuditRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.list();
	}

	/** The fields a 400 validation problem names. */
	static List<String> fields(Api.Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		return response.json().get("errors").valueStream().map((error) -> error.get("field").asString()).toList();
	}

	record Account(String id, String email) {

		String token(Api api) {
			return api.login(email, PASSWORD);
		}

	}

	record AuditRow(String outcome, String actorId, String objectId, String details) {
	}

}
