package dev.ferry.auth;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.ferry.testing.Api;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each kind of refusal answers one problem type and leaves one audit reason, whichever
 * module refused: not an admin ({@code not_admin}), an admin's key without the admin
 * scope ({@code missing_admin_scope}), a credential without the scope an action needs
 * ({@code missing_<scope>_scope}).
 */
class AccessPolicyIntegrationTests extends AuthIntegrationTest {

	@Test
	void aNonAdminIsRefusedTheSameWayByEveryModule() {
		Account user = createAccount("user");
		String token = user.token(api);

		assertRefused(api.get("/api/v1/admin/users", token), "Only administrators");
		assertRefused(api.get("/api/v1/admin/stats/overview", token), "Only administrators");
		assertRefused(api.get("/api/v1/admin/groups", token), "Only administrators");
		assertRefused(api.post("/api/v1/admin/keys/rotate", Map.of(), token), "Only administrators");

		assertAudited("admin.user_list", user, "not_admin");
		assertAudited("admin.stats_overview", user, "not_admin");
		assertAudited("group.listed", user, "not_admin");
		assertAudited("keys.rotate", user, "not_admin");
	}

	@Test
	void anAdminKeyWithoutTheAdminScopeIsRefusedTheSameWayByEveryModule() {
		Account admin = createAccount("admin");
		String key = apiKey(admin.token(api), List.of("read", "write", "share"));

		assertRefused(api.get("/api/v1/admin/users", key), "'admin' scope");
		assertRefused(api.get("/api/v1/admin/stats/storage", key), "'admin' scope");
		assertRefused(api.get("/api/v1/admin/groups", key), "'admin' scope");

		assertAudited("admin.user_list", admin, "missing_admin_scope");
		assertAudited("admin.stats_storage", admin, "missing_admin_scope");
		assertAudited("group.listed", admin, "missing_admin_scope");
	}

	@Test
	void aCredentialWithoutTheScopeIsRefusedTheSameWayByEveryModule() {
		Account user = createAccount("user");
		String readOnly = apiKey(user.token(api), List.of("read"));

		assertRefused(api.delete("/api/v1/files/" + UUID.randomUUID(), readOnly), "'write' scope");
		assertRefused(api.get("/api/v1/transfers", apiKey(user.token(api), List.of("write"))), "'read' scope");
		assertRefused(api.post("/api/v1/transfers", Map.of("title", "t"), readOnly), "'share' scope");

		assertAudited("file.deleted", user, "missing_write_scope");
		assertAudited("transfer.listed", user, "missing_read_scope");
		assertAudited("transfer.created", user, "missing_share_scope");
	}

	@Test
	void theAuditTrailRefusesANonAdminWithTheSameTypeAndReason() {
		Account user = createAccount("user");

		Api.Response refused = api.get("/api/v1/admin/audit-logs/verify", user.token(api));

		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.json().get("type").asString()).isEqualTo("/problems/forbidden");
		assertAudited("access.denied", user, "not_admin");
	}

	private void assertRefused(Api.Response response, String detail) {
		assertThat(response.status()).as(response.body()).isEqualTo(403);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("type").asString()).isEqualTo("/problems/forbidden");
		assertThat(response.json().get("detail").asString()).contains(detail);
	}

	private void assertAudited(String action, Account actor, String reason) {
		assertThat(audits(action)).filteredOn((row) -> actor.id().equals(row.actorId()))
			.singleElement()
			.satisfies((row) -> {
				assertThat(row.outcome()).isEqualTo("denied");
				assertThat(row.details()).contains("\"" + reason + "\"");
			});
	}

	private String apiKey(String token, List<String> scopes) {
		Api.Response created = api.post("/api/v1/auth/api-keys", Map.of("name", "policy", "scopes", scopes), token);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("key").asString();
	}

}
