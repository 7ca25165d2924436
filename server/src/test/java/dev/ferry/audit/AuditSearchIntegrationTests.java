package dev.ferry.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.ferry.testing.Api;
import dev.ferry.testing.TestAccounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class AuditSearchIntegrationTests extends AuditIntegrationTest {

	@Test
	void recordsComeNewestFirstWithEveryFieldAndACursor() {
		String email = TestAccounts.uniqueEmail("search");
		Instant before = Instant.now().minusSeconds(1);
		for (int i = 0; i < 2; i++) {
			failedLogin(email);
		}
		api.send(api.builder("/api/v1/auth/login", null)
			.header("Content-Type", "application/json")
			.header("User-Agent", "audit-test-agent/1.0")
			.header("X-Request-Id", "audit-request-0001")
			.POST(java.net.http.HttpRequest.BodyPublishers
				.ofString("{\"email\":\"" + email + "\",\"password\":\"wrong-password\"}")));
		String admin = adminToken();

		JsonNode first = search(admin, Map.of("action", "auth.login", "outcome", "failure", "limit", "2"));
		List<JsonNode> page = items(first);
		assertThat(page).hasSize(2);
		JsonNode newest = page.get(0);
		assertThat(newest.get("seq").asLong()).isGreaterThan(page.get(1).get("seq").asLong());
		assertThat(newest.get("id").asString()).hasSize(36);
		assertThat(Instant.parse(newest.get("time").asString())).isAfter(before);
		assertThat(newest.get("actor").get("type").asString()).isEqualTo("anonymous");
		assertThat(newest.get("actor").has("id")).isTrue();
		assertThat(newest.get("action").asString()).isEqualTo("auth.login");
		assertThat(newest.get("object").has("type")).isTrue();
		assertThat(newest.get("outcome").asString()).isEqualTo("failure");
		assertThat(newest.get("ip").asString()).isEqualTo("127.0.0.1");
		assertThat(newest.get("user_agent").asString()).isEqualTo("audit-test-agent/1.0");
		assertThat(newest.get("request_id").asString()).isEqualTo("audit-request-0001");
		assertThat(newest.get("details").get("email").asString()).isEqualTo(email);
		assertThat(newest.get("hash").asString()).matches("[0-9a-f]{64}");

		JsonNode second = search(admin, Map.of("action", "auth.login", "outcome", "failure", "limit", "2", "cursor",
				first.get("next_cursor").asString()));
		JsonNode third = items(second).get(0);
		assertThat(third.get("seq").asLong()).isLessThan(page.get(1).get("seq").asLong());
		assertThat(third.get("details").get("email").asString()).isEqualTo(email);
	}

	@Test
	void filtersByActorObjectActionPrefixAndTime() {
		String email = TestAccounts.uniqueEmail("actor");
		String userId = createUser(email);
		api.login(email, TestAccounts.PASSWORD);
		String admin = adminToken();

		List<JsonNode> mine = items(search(admin, Map.of("actor", userId)));
		assertThat(mine).isNotEmpty()
			.allSatisfy((item) -> assertThat(item.get("actor").get("id").asString()).isEqualTo(userId));
		JsonNode login = mine.stream()
			.filter((item) -> item.get("action").asString().equals("auth.login"))
			.findFirst()
			.orElseThrow();
		assertThat(login.get("object").get("type").asString()).isEqualTo("session");

		String sessionId = login.get("object").get("id").asString();
		assertThat(items(search(admin, Map.of("object", sessionId, "object_type", "session"))))
			.extracting((item) -> item.get("id").asString())
			.containsExactly(login.get("id").asString());
		assertThat(items(search(admin, Map.of("action", "auth.*", "limit", "100"))))
			.allSatisfy((item) -> assertThat(item.get("action").asString()).startsWith("auth."));

		JsonNode future = search(admin, Map.of("from", Instant.now().plusSeconds(3600).toString()));
		assertThat(items(future)).isEmpty();
		assertThat(future.has("next_cursor")).isTrue();
		assertThat(future.get("next_cursor").isNull()).isTrue();
		assertThat(items(search(admin, Map.of("actor", userId, "to", "2000-01-01")))).isEmpty();
	}

	@ParameterizedTest
	@CsvSource({ "from, yesterday", "to, 2026-13-01", "actor, not-a-user-id", "action, auth login", "outcome, maybe",
			"limit, 0", "limit, 501", "limit, ten", "cursor, bm90LWEtY3Vyc29y", "object_type, Files!",
			"actions, auth.login" })
	void badFilterValuesAnswer400WithTheParameter(String parameter, String value) {
		Api.Response response = api.get(AUDIT_LOGS + query(Map.of(parameter, value)), adminToken());
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("type").asString()).isEqualTo("/problems/invalid-audit-query");
		assertThat(response.json().get("parameter").asString()).isEqualTo(parameter);
		assertThat(response.json().get("detail").asString()).contains(parameter);
	}

	@Test
	void theOpenApiDocumentListsEveryParameter() {
		JsonNode paths = api.get("/api/v1/openapi.json", null).json().get("paths");
		assertThat(parameterNames(paths.get(AUDIT_LOGS).get("get"))).containsExactlyInAnyOrder("from", "to", "actor",
				"action", "object", "object_type", "outcome", "limit", "cursor");
		assertThat(parameterNames(paths.get(AUDIT_LOGS + "/export").get("get"))).contains("format", "actor", "outcome")
			.doesNotContain("limit", "query");
		assertThat(parameterNames(paths.get("/api/v1/me/activity").get("get"))).contains("limit", "action")
			.doesNotContain("actor", "caller", "query");
	}

	@Test
	void toMustBeAfterFrom() {
		Api.Response response = api.get(AUDIT_LOGS + "?from=2026-02-01&to=2026-01-01", adminToken());
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("parameter").asString()).isEqualTo("to");
	}

	private static List<String> parameterNames(JsonNode operation) {
		List<String> names = new ArrayList<>();
		operation.get("parameters").forEach((parameter) -> names.add(parameter.get("name").asString()));
		return names;
	}

}
