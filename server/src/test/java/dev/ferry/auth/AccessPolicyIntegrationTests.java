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
	void aKeyWithoutTheReadScopeCannotListItsOwnersCredentials() {
		Account user = createAccount("user");
		String writeOnly = apiKey(user.token(api), List.of("write"));

		assertRefused(api.get("/api/v1/auth/sessions", writeOnly), "'read' scope");
		assertRefused(api.get("/api/v1/auth/api-keys", writeOnly), "'read' scope");
		assertRefused(api.get("/api/v1/auth/passkeys", writeOnly), "'read' scope");
		assertRefused(api.get("/api/v1/auth/2fa", writeOnly), "'read' scope");
		assertRefused(api.get("/api/v1/oauth/authorizations", writeOnly), "'read' scope");
		assertRefused(api.get("/api/v1/oauth/apps", writeOnly), "'read' scope");
		assertRefused(api.get("/api/v1/me/activity", writeOnly), "'read' scope");
		assertRefused(api.get("/api/v1/me/exports", writeOnly), "'read' scope");
		assertRefused(api.post("/api/v1/me/export", Map.of(), writeOnly), "'read' scope");

		for (String action : List.of("auth.session_list", "auth.api_key_list", "auth.passkey_list", "auth.2fa_status",
				"oauth.authorization_list", "oauth.app_list", "audit.activity", "gdpr.export_list",
				"gdpr.export_request")) {
			assertAudited(action, user, "missing_read_scope");
		}
		String readOnly = apiKey(user.token(api), List.of("read"));
		assertThat(api.get("/api/v1/auth/sessions", readOnly).status()).isEqualTo(200);
		assertThat(api.get("/api/v1/me/activity", readOnly).status()).isEqualTo(200);
	}

	@Test
	void aScimKeyCanNeitherReadNorChangeItsOwnersAccount() {
		Account admin = createAccount("admin");
		String scimOnly = apiKey(admin.token(api), List.of("scim"));

		assertRefused(api.get("/api/v1/auth/sessions", scimOnly), "'read' scope");
		assertRefused(api.patch("/api/v1/me", Map.of("locale", "de"), scimOnly), "'write' scope");

		assertAudited("auth.session_list", admin, "missing_read_scope");
		assertAudited("account.locale_change", admin, "missing_write_scope");
	}

	@Test
	void aSignedInGuestChangesTheirLanguageThoughTheirRoleCannotWrite() {
		Account guest = createAccount("guest");

		assertThat(api.patch("/api/v1/me", Map.of("locale", "de"), guest.token(api)).status()).isEqualTo(204);
	}

	@Test
	void aKeyIsRefusedCredentialManagementTheSameWayByEveryModule() {
		Account user = createAccount("user");
		String key = apiKey(user.token(api), List.of("read", "write", "share"));

		assertRefused(api.delete("/api/v1/auth/sessions", key), "API keys cannot");
		assertRefused(api.post("/api/v1/auth/passkeys/registration/options", Map.of(), key), "API keys cannot");
		assertRefused(api.post("/api/v1/auth/2fa/enable", Map.of(), key), "API keys cannot");
		assertRefused(api.post("/api/v1/oauth/apps",
				Map.of("name", "app", "client_type", "public", "redirect_uris", List.of("http://127.0.0.1/cb")), key),
				"API keys cannot");

		for (String action : List.of("auth.session_revoke_others", "auth.passkey_register", "auth.2fa_enable",
				"oauth.app_register")) {
			assertAudited(action, user, "not_interactive");
		}
	}

	@Test
	void keysRefusedTheirOwnCredentialsRecordTheSameReason() {
		Account user = createAccount("user");
		String key = apiKey(user.token(api), List.of("read", "write", "share"));

		assertRefused(api.post("/api/v1/auth/api-keys", Map.of("name", "more", "scopes", List.of("read")), key),
				"an API key cannot make more");
		assertRefused(api.delete("/api/v1/auth/api-keys/" + UUID.randomUUID(), key), "revoke API keys");
		assertRefused(api.post("/api/v1/auth/logout", Map.of(), key), "revoke the key instead");
		assertRefused(
				api.post("/api/v1/auth/password",
						Map.of("current_password", "whatever-it-was", "new_password", "a-new-long-passphrase"), key),
				"API keys cannot");
		Api.Response sshKey = api.post("/api/v1/auth/ssh-keys",
				Map.of("name", "laptop", "public_key", "ssh-ed25519 AAAA laptop"), key);
		assertThat(sshKey.status()).isEqualTo(403);
		assertThat(sshKey.json().get("type").asString()).isEqualTo("/problems/interactive-session-required");

		assertThat(audits("auth.api_key_create")).filteredOn((row) -> user.id().equals(row.actorId()))
			.extracting(AuditRow::outcome)
			.as("the key this test made, then the refusal")
			.containsExactlyInAnyOrder("success", "denied");
		assertThat(audits("auth.api_key_create"))
			.filteredOn((row) -> user.id().equals(row.actorId()) && "denied".equals(row.outcome()))
			.singleElement()
			.satisfies((row) -> assertThat(row.details()).contains("\"not_interactive\""));
		for (String action : List.of("auth.api_key_revoke", "auth.logout", "auth.password_change",
				"sftp.ssh_key_create")) {
			assertAudited(action, user, "not_interactive");
		}
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

	/**
	 * The one refusal of {@code action} by {@code actor}; its successes (a key made to
	 * test with) aside.
	 */
	private void assertAudited(String action, Account actor, String reason) {
		assertThat(audits(action)).filteredOn((row) -> actor.id().equals(row.actorId()))
			.filteredOn((row) -> !"success".equals(row.outcome()))
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
