package dev.ferry.audit;

import java.util.List;
import java.util.Map;

import dev.ferry.testing.Api;
import dev.ferry.testing.TestAccounts;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Who may read the trail, and how refusals end up in it. */
class AuditDenialsIntegrationTests extends AuditIntegrationTest {

	@Test
	void aNonAdminIsRefusedEveryAdminEndpointAndEachRefusalIsAudited() {
		String email = TestAccounts.uniqueEmail("nonadmin");
		String userId = createUser(email);
		String user = api.login(email, TestAccounts.PASSWORD);
		List<String> paths = List.of(AUDIT_LOGS, AUDIT_LOGS + "/verify", AUDIT_LOGS + "/export?format=csv");
		for (String path : paths) {
			Api.Response response = api.get(path, user);
			assertThat(response.status()).as(path).isEqualTo(403);
			assertThat(response.contentType()).startsWith("application/problem+json");
			assertThat(response.json().get("type").asString()).isEqualTo("/problems/forbidden");
		}

		List<JsonNode> denials = items(search(adminToken(), Map.of("actor", userId, "action", "access.denied")));
		assertThat(denials).hasSize(3).allSatisfy((item) -> {
			assertThat(item.get("outcome").asString()).isEqualTo("denied");
			assertThat(item.get("actor").get("label").asString()).isEqualTo(email);
			assertThat(item.get("details").get("method").asString()).isEqualTo("GET");
		});
		assertThat(denials).extracting((item) -> item.get("details").get("path").asString())
			.containsExactly(AUDIT_LOGS + "/export", AUDIT_LOGS + "/verify", AUDIT_LOGS);
	}

	@Test
	void aRefusalTheServiceAuditedItselfIsNotRecordedTwice() {
		String email = TestAccounts.uniqueEmail("once");
		String userId = createUser(email);
		String user = api.login(email, TestAccounts.PASSWORD);

		Api.Response response = api.get("/api/v1/admin/users", user);

		assertThat(response.status()).isEqualTo(403);
		List<JsonNode> denials = items(search(adminToken(), Map.of("actor", userId, "outcome", "denied")));
		assertThat(denials).as("one record for one refusal").hasSize(1);
		assertThat(denials.get(0).get("action").asString()).isNotEqualTo("access.denied");
		assertThat(denials.get(0).get("details").get("reason").asString()).isEqualTo("not_admin");
	}

	@Test
	void aRejectedBearerTokenIsAuditedWithoutTheToken() {
		String token = "not-a-real-token-" + TestAccounts.uniqueEmail("t").hashCode();
		Api.Response response = api.get("/api/v1/me", token);
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.header("WWW-Authenticate")).contains("invalid_token");
		assertThat(response.contentType()).startsWith("application/problem+json");

		JsonNode rejected = items(search(adminToken(), Map.of("action", "auth.token_rejected", "limit", "1"))).get(0);
		assertThat(rejected.get("outcome").asString()).isEqualTo("failure");
		assertThat(rejected.get("actor").get("type").asString()).isEqualTo("anonymous");
		assertThat(rejected.get("details").get("path").asString()).isEqualTo("/api/v1/me");
		assertThat(rejected.get("details").get("credential").asString()).isEqualTo("access_token");
		assertThat(rejected.toString()).doesNotContain(token);
	}

	@Test
	void aRequestWithoutCredentialsIsToldToSignInAndNotAudited() {
		String admin = adminToken();
		long before = newestSeq(admin, "auth.token_rejected");
		assertThat(api.get("/api/v1/me", null).status()).isEqualTo(401);
		assertThat(newestSeq(admin, "auth.token_rejected")).isEqualTo(before);
	}

	@Test
	void secretsInARefusedPathAreRedacted() {
		String shareToken = "Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0Z2FycGx5d2FsZG8";
		Api.Response response = api.get("/api/v1/files/" + shareToken + "/content", "forged.jwt.value");
		assertThat(response.status()).isEqualTo(401);
		JsonNode rejected = items(search(adminToken(), Map.of("action", "auth.token_rejected", "limit", "1"))).get(0);
		assertThat(rejected.get("details").get("path").asString()).isEqualTo("/api/v1/files/{redacted}/content");
	}

	@Test
	void everyUserSeesTheirOwnActivityOnly() {
		String email = TestAccounts.uniqueEmail("activity");
		String userId = createUser(email);
		failedLogin(email);
		String user = api.login(email, TestAccounts.PASSWORD);
		failedLogin(TestAccounts.uniqueEmail("someone-else"));

		Api.Response response = api.get("/api/v1/me/activity?limit=500", user);
		assertThat(response.status()).isEqualTo(200);
		List<JsonNode> activity = items(response.json());
		assertThat(activity).allSatisfy((item) -> assertThat(item.get("actor").get("id").asString()).isEqualTo(userId));
		assertThat(activity).extracting((item) -> item.get("action").asString() + "/" + item.get("outcome").asString())
			.containsExactly("auth.login/success", "auth.login/failure");

		Api.Response paged = api.get("/api/v1/me/activity?limit=1", user);
		assertThat(items(paged.json())).hasSize(1);
		assertThat(paged.json().get("next_cursor").isNull()).isFalse();
		assertThat(api.get("/api/v1/me/activity?actor=" + userId, user).status()).isEqualTo(400);
		assertThat(api.get("/api/v1/me/activity", null).status()).isEqualTo(401);
	}

	private long newestSeq(String admin, String action) {
		List<JsonNode> newest = items(search(admin, Map.of("action", action, "limit", "1")));
		return newest.isEmpty() ? 0 : newest.get(0).get("seq").asLong();
	}

}
