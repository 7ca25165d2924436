package dev.ferry.audit;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.ferry.testing.Api;
import dev.ferry.testing.IntegrationTest;
import dev.ferry.testing.TestAccounts;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/** Helpers for tests of the audit API on the shared test server. */
abstract class AuditIntegrationTest extends IntegrationTest {

	protected static final String AUDIT_LOGS = "/api/v1/admin/audit-logs";

	@Autowired
	protected JdbcClient jdbc;

	@Autowired
	protected PasswordEncoder passwords;

	/**
	 * Signs in with a wrong password: one {@code auth.login} failure naming
	 * {@code email}.
	 */
	protected void failedLogin(String email) {
		Api.Response response = api.post("/api/v1/auth/login", Map.of("email", email, "password", "wrong-password"),
				null);
		assertThat(response.status()).isEqualTo(401);
	}

	/** A new user account; returns its id. */
	protected String createUser(String email) {
		return TestAccounts.row()
			.email(email)
			.passwordHash(passwords.encode(TestAccounts.PASSWORD))
			.insert(jdbc)
			.toString();
	}

	protected static String query(Map<String, String> params) {
		return params.entrySet()
			.stream()
			.map((e) -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&", "?", ""));
	}

	/** One page of the admin listing, asserting it answered 200. */
	protected JsonNode search(String token, Map<String, String> params) {
		Api.Response response = api.get(AUDIT_LOGS + query(params), token);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	protected static List<JsonNode> items(JsonNode page) {
		List<JsonNode> items = new ArrayList<>();
		page.get("items").forEach(items::add);
		return items;
	}

	protected JsonNode verify(String token) {
		Api.Response response = api.get(AUDIT_LOGS + "/verify", token);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

}
