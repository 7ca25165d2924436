package dev.ferry.scim;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.ferry.testing.Api;
import dev.ferry.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A scripted SCIM client (what Entra ID and Okta send) against the real HTTP API: every
 * User and Group operation, the discovery endpoints, SCIM-shaped errors, and the
 * credential rules.
 */
class ScimIntegrationTests extends IntegrationTest {

	private static final String PASSWORD = ScimClient.PASSWORD;

	private static final String USER_SCHEMA = ScimClient.USER_SCHEMA;

	private static final String PATCH_SCHEMA = ScimClient.PATCH_SCHEMA;

	@Autowired
	JdbcClient jdbc;

	private String key;

	@BeforeEach
	void scimKey() {
		key = createKey(adminToken(), List.of("scim"));
	}

	@Test
	void usersAreCreatedFoundReplacedPatchedAndAudited() {
		String email = unique("alice");
		Api.Response created = scim("POST", "/Users",
				Map.of("schemas", List.of(USER_SCHEMA), "userName", email, "externalId", "entra-" + email, "name",
						Map.of("givenName", "Alice", "familyName", "Liddell"), "emails",
						List.of(Map.of("value", email, "primary", true)), "active", true));

		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.contentType()).startsWith("application/scim+json");
		JsonNode user = created.json();
		String id = user.get("id").asString();
		assertThat(user.get("schemas").get(0).asString()).isEqualTo(USER_SCHEMA);
		assertThat(user.get("userName").asString()).isEqualTo(email);
		assertThat(user.get("displayName").asString()).isEqualTo("Alice Liddell");
		assertThat(user.get("active").asBoolean()).isTrue();
		assertThat(user.get("meta").get("location").asString()).endsWith("/scim/v2/Users/" + id);

		assertThat(scim("GET", "/Users/" + id, null).json().get("externalId").asString()).isEqualTo("entra-" + email);
		JsonNode byName = scim("GET", "/Users?filter=" + encode("userName eq \"" + email.toUpperCase() + "\""), null)
			.json();
		assertThat(byName.get("totalResults").asInt()).isEqualTo(1);
		assertThat(byName.get("Resources").get(0).get("id").asString()).isEqualTo(id);
		JsonNode byExternal = scim("GET", "/Users?filter=" + encode("externalId eq \"entra-" + email + "\""), null)
			.json();
		assertThat(byExternal.get("Resources").get(0).get("id").asString()).isEqualTo(id);
		JsonNode none = scim("GET", "/Users?filter=" + encode("userName eq \"nobody-" + email + "\""), null).json();
		assertThat(none.get("totalResults").asInt()).isZero();
		JsonNode page = scim("GET", "/Users?startIndex=1&count=1", null).json();
		assertThat(page.get("itemsPerPage").asInt()).isEqualTo(1);
		assertThat(page.get("totalResults").asInt()).isGreaterThanOrEqualTo(2);

		Api.Response replaced = scim("PUT", "/Users/" + id, Map.of("schemas", List.of(USER_SCHEMA), "userName", email,
				"displayName", "Alice L.", "externalId", "entra-" + email, "active", true));
		assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
		assertThat(replaced.json().get("displayName").asString()).isEqualTo("Alice L.");

		Api.Response patched = scim("PATCH", "/Users/" + id, Map.of("schemas", List.of(PATCH_SCHEMA), "Operations",
				List.of(Map.of("op", "Replace", "path", "displayName", "value", "Alice Patched"))));
		assertThat(patched.status()).as(patched.body()).isEqualTo(200);
		assertThat(patched.json().get("displayName").asString()).isEqualTo("Alice Patched");
		assertThat(api.get("/api/v1/admin/users/" + id, adminToken()).json().get("name").asString())
			.isEqualTo("Alice Patched");

		Api.Response duplicate = scim("POST", "/Users", Map.of("schemas", List.of(USER_SCHEMA), "userName", email));
		assertThat(duplicate.status()).isEqualTo(409);
		assertThat(duplicate.contentType()).startsWith("application/scim+json");
		assertThat(duplicate.json().get("scimType").asString()).isEqualTo("uniqueness");
		assertThat(duplicate.json().get("status").asString()).isEqualTo("409");
		assertThat(actions(id)).contains("scim.user_create", "scim.user_read", "scim.user_replace", "scim.user_patch");
	}

	@Test
	void patchActiveFalseSuspendsAndEndsTheSessionAtOnceAndTrueReactivates() {
		String email = unique("bob");
		String id = createAccount(email);
		String session = api.login(email, PASSWORD);
		assertThat(api.get("/api/v1/me", session).status()).isEqualTo(200);
		Api.Response linked = scim("POST", "/Users",
				Map.of("schemas", List.of(USER_SCHEMA), "userName", email, "externalId", "okta-bob"));
		assertThat(linked.status()).as(linked.body()).isEqualTo(201);
		assertThat(linked.json().get("id").asString()).isEqualTo(id);
		assertThat(linked.json().get("displayName").asString()).as("linking keeps the name").isEqualTo("Bob");

		Api.Response suspended = scim("PATCH", "/Users/" + id, Map.of("schemas", List.of(PATCH_SCHEMA), "Operations",
				List.of(Map.of("op", "Replace", "path", "active", "value", "False"))));

		assertThat(suspended.status()).as(suspended.body()).isEqualTo(200);
		assertThat(suspended.json().get("active").asBoolean()).isFalse();
		assertThat(api.get("/api/v1/me", session).status()).isEqualTo(401);
		assertThat(api.post("/api/v1/auth/login", Map.of("email", email, "password", PASSWORD), null).status())
			.isNotEqualTo(200);

		Api.Response reactivated = scim("PATCH", "/Users/" + id, Map.of("schemas", List.of(PATCH_SCHEMA), "Operations",
				List.of(Map.of("op", "replace", "value", Map.of("active", true)))));
		assertThat(reactivated.json().get("active").asBoolean()).isTrue();
		assertThat(api.get("/api/v1/me", api.login(email, PASSWORD)).status()).isEqualTo(200);

		Api.Response refused = scim("PATCH", "/Users/" + id,
				Map.of("schemas", List.of(PATCH_SCHEMA), "Operations",
						List.of(Map.of("op", "replace", "path", "active", "value", false),
								Map.of("op", "replace", "path", "externalId", "value", "x".repeat(256)))));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(scim("GET", "/Users/" + id, null).json().get("active").asBoolean())
			.as("a refused PATCH changes nothing")
			.isTrue();
	}

	/**
	 * A SCIM key may rename a user, not redirect an administrator's mail: with the
	 * admin's address its holder could ask for the admin's password reset.
	 */
	@Test
	void anAdministratorsEmailIsNotTheProvidersToChange() {
		String email = unique("root");
		String id = createAdmin(email);

		Api.Response redirected = scim("PATCH", "/Users/" + id,
				patch(Map.of("op", "replace", "path", "userName", "value", unique("attacker"))));
		Api.Response renamed = scim("PATCH", "/Users/" + id,
				patch(Map.of("op", "replace", "path", "displayName", "value", "Root Renamed")));

		assertThat(redirected.status()).as(redirected.body()).isEqualTo(403);
		assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
		assertThat(renamed.json().get("userName").asString()).isEqualTo(email);
		assertThat(api.login(email, PASSWORD)).isNotBlank();
		assertThat(jdbc
			.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'scim.user_update' AND outcome = 'denied'"
					+ " AND object_id = ? AND details LIKE '%admin_email%'")
			.param(id)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	/**
	 * A SCIM key may suspend an administrator (when another remains), not bring back one
	 * an administrator suspended: its holder would get an admin account back.
	 */
	@Test
	void aSuspendedAdministratorIsNotTheProvidersToReactivate() {
		String email = unique("former-root");
		String id = createAdmin(email);
		assertThat(api.post("/api/v1/admin/users/" + id + "/suspend", Map.of(), adminToken()).status()).isEqualTo(200);

		Api.Response patched = scim("PATCH", "/Users/" + id,
				patch(Map.of("op", "replace", "path", "active", "value", true)));
		Api.Response created = scim("POST", "/Users",
				Map.of("schemas", List.of(USER_SCHEMA), "userName", email, "active", true));

		assertThat(patched.status()).as(patched.body()).isEqualTo(403);
		assertThat(created.status()).as(created.body()).isEqualTo(403);
		assertThat(api.post("/api/v1/auth/login", Map.of("email", email, "password", PASSWORD), null).status())
			.as("still suspended")
			.isNotEqualTo(200);
		assertThat(jdbc
			.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'scim.user_update' AND outcome = 'denied'"
					+ " AND object_id = ? AND details LIKE '%admin_reactivation%'")
			.param(id)
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void deleteDeprovisionsBySuspendingAndTheLiveSessionGets401AtOnce() {
		String email = unique("carol");
		String id = createAccount(email);
		String session = api.login(email, PASSWORD);
		assertThat(scim("POST", "/Users", Map.of("schemas", List.of(USER_SCHEMA), "userName", email)).status())
			.isEqualTo(201);
		assertThat(api.get("/api/v1/me", session).status()).isEqualTo(200);

		Api.Response deleted = scim("DELETE", "/Users/" + id, null);

		assertThat(deleted.status()).isEqualTo(204);
		assertThat(api.get("/api/v1/me", session).status()).isEqualTo(401);
		assertThat(api.get("/api/v1/admin/users/" + id, adminToken()).json().get("status").asString())
			.isEqualToIgnoringCase("suspended");
		Api.Response gone = scim("GET", "/Users/" + id, null);
		assertThat(gone.status()).isEqualTo(404);
		assertThat(gone.contentType()).startsWith("application/scim+json");
		assertThat(gone.json().get("schemas").get(0).asString())
			.isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
		assertThat(scim("GET", "/Users?filter=" + encode("userName eq \"" + email + "\""), null).json()
			.get("totalResults")
			.asInt()).isZero();
		assertThat(audit("scim.user_delete", id)).contains("suspend");

		Api.Response again = scim("POST", "/Users", Map.of("schemas", List.of(USER_SCHEMA), "userName", email));
		assertThat(again.status()).isEqualTo(201);
		assertThat(again.json().get("id").asString()).isEqualTo(id);
		assertThat(again.json().get("active").asBoolean()).isTrue();
	}

	@Test
	void groupsAndTheirMembersFollowTheProvider() {
		String first = scim("POST", "/Users", Map.of("userName", unique("dave"))).json().get("id").asString();
		String second = scim("POST", "/Users", Map.of("userName", unique("erin"))).json().get("id").asString();
		String name = "Finance " + UUID.randomUUID();
		Api.Response created = scim("POST", "/Groups",
				Map.of("schemas", List.of("urn:ietf:params:scim:schemas:core:2.0:Group"), "displayName", name,
						"externalId", "grp-" + name, "members", List.of(Map.of("value", first))));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.json().get("id").asString();
		assertThat(members(created.json())).containsExactly(first);

		assertThat(scim("PATCH", "/Groups/" + id,
				patch(Map.of("op", "Add", "path", "members", "value", List.of(Map.of("value", second)))))
			.status()).isEqualTo(204);
		assertThat(members(scim("GET", "/Groups/" + id, null).json())).containsExactlyInAnyOrder(first, second);
		assertThat(scim("PATCH", "/Groups/" + id,
				patch(Map.of("op", "Remove", "path", "members[value eq \"" + first + "\"]")))
			.status()).isEqualTo(204);
		String renamed = name + " team";
		assertThat(
				scim("PATCH", "/Groups/" + id, patch(Map.of("op", "replace", "path", "displayName", "value", renamed)))
					.status())
			.isEqualTo(204);

		JsonNode ferryGroup = api.get("/api/v1/admin/groups/" + id, adminToken()).json();
		assertThat(ferryGroup.get("name").asString()).isEqualTo(renamed);
		assertThat(ferryGroup.get("members").valueStream().map((m) -> m.get("user_id").asString()))
			.containsExactly(second);
		JsonNode found = scim("GET",
				"/Groups?excludedAttributes=members&filter=" + encode("displayName eq \"" + renamed + "\""), null)
			.json();
		assertThat(found.get("totalResults").asInt()).isEqualTo(1);
		assertThat(found.get("Resources").get(0).has("members")).isFalse();
		Api.Response tooLong = scim("PUT", "/Groups/" + id,
				Map.of("displayName", renamed + "-not", "externalId", "x".repeat(256), "members", List.of()));
		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(api.get("/api/v1/admin/groups/" + id, adminToken()).json().get("name").asString())
			.as("a refused replace renames nothing")
			.isEqualTo(renamed);
		Api.Response replaced = scim("PUT", "/Groups/" + id,
				Map.of("displayName", renamed, "members", List.of(Map.of("value", first))));
		assertThat(members(replaced.json())).containsExactly(first);
		Api.Response unknownMember = scim("PATCH", "/Groups/" + id,
				patch(Map.of("op", "add", "path", "members", "value", List.of(Map.of("value", "no-such-user")))));
		assertThat(unknownMember.status()).isEqualTo(400);
		assertThat(unknownMember.json().get("scimType").asString()).isEqualTo("invalidValue");
		Api.Response halfValid = scim("PATCH", "/Groups/" + id,
				patch(Map.of("op", "add", "path", "members", "value", List.of(Map.of("value", second))),
						Map.of("op", "replace", "path", "externalId", "value", "x".repeat(256))));
		assertThat(halfValid.status()).isEqualTo(400);
		assertThat(members(scim("GET", "/Groups/" + id, null).json())).as("all operations or none")
			.containsExactly(first);
		Api.Response unsupported = scim("PATCH", "/Groups/" + id, patch(
				Map.of("op", "remove", "path", "members[value eq \"" + first + "\" or value eq \"" + second + "\"]")));
		assertThat(unsupported.status()).as("not a 204 that removes nobody").isEqualTo(400);
		assertThat(unsupported.json().get("scimType").asString()).isEqualTo("invalidPath");

		assertThat(scim("DELETE", "/Groups/" + id, null).status()).isEqualTo(204);
		assertThat(scim("GET", "/Groups/" + id, null).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/admin/groups/" + id, adminToken()).status()).isEqualTo(404);
		assertThat(actions(id)).contains("scim.group_create", "scim.group_patch", "scim.group_replace",
				"scim.group_delete", "group.member_added", "group.member_removed");
	}

	/**
	 * A path may carry the core schema in front (RFC 7644 section 3.10), and the parts of
	 * {@code name} rename an account that has a name.
	 */
	@Test
	void patchesByFullPathAndByNamePartsChangeTheAccount() {
		String id = scim("POST", "/Users", Map.of("userName", unique("fay"), "displayName", "Fay Before")).json()
			.get("id")
			.asString();

		Api.Response suspended = scim("PATCH", "/Users/" + id, patch(
				Map.of("op", "replace", "path", "urn:ietf:params:scim:schemas:core:2.0:User:active", "value", false)));
		Api.Response renamed = scim("PATCH", "/Users/" + id,
				patch(Map.of("op", "replace", "path", "name.givenName", "value", "Fay"),
						Map.of("op", "replace", "path", "name.familyName", "value", "After")));

		assertThat(suspended.status()).as(suspended.body()).isEqualTo(200);
		assertThat(suspended.json().get("active").asBoolean()).isFalse();
		assertThat(renamed.json().get("displayName").asString()).isEqualTo("Fay After");
		assertThat(renamed.json().get("active").asBoolean()).isFalse();
	}

	@Test
	void onlyAnApiKeyWithTheScimScopeGetsIn() {
		String admin = adminToken();
		String adminKey = createKey(admin, List.of("admin", "read"));

		Api.Response noKey = api.get("/scim/v2/Users", null);
		Api.Response unscoped = api.get("/scim/v2/Users", adminKey);
		Api.Response session = api.get("/scim/v2/Users", admin);
		Api.Response scoped = api.get("/scim/v2/Users", key);

		assertThat(noKey.status()).isEqualTo(401);
		assertThat(noKey.contentType()).startsWith("application/scim+json");
		assertThat(noKey.header("WWW-Authenticate")).startsWith("Bearer");
		assertThat(unscoped.status()).isEqualTo(403);
		assertThat(unscoped.json().get("detail").asString()).contains("scim");
		assertThat(session.status()).isEqualTo(401);
		assertThat(scoped.status()).isEqualTo(200);
		assertThat(api.get("/api/v1/admin/users", key).status()).isEqualTo(403);
	}

	/** An admin's network rules hold for their SCIM key too. */
	@Test
	void aScimKeyIsRefusedOutsideItsOwnersNetworks() {
		String email = unique("scim-admin");
		Api.Response created = api.post("/api/v1/admin/users",
				Map.of("email", email, "password", PASSWORD, "role", "admin", "allowed_ips", List.of("127.0.0.61")),
				adminToken());
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		Api inside = api.from("127.0.0.61");
		String ownKey = ScimClient.createKey(inside, inside.login(email, PASSWORD), List.of("scim"));

		Api.Response allowed = inside.get("/scim/v2/Users?count=1", ownKey);
		Api.Response outside = api.from("127.0.0.62").get("/scim/v2/Users?count=1", ownKey);

		assertThat(allowed.status()).as(allowed.body()).isEqualTo(200);
		assertThat(outside.status()).isEqualTo(403);
		assertThat(outside.contentType()).startsWith("application/scim+json");
		assertThat(outside.json().get("detail").asString()).contains("127.0.0.62");
		assertThat(jdbc
			.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'scim.access' AND outcome = 'denied' "
					+ "AND details LIKE '%ip_not_allowed%'")
			.query(Long.class)
			.single()).isPositive();
	}

	@Test
	void onlyAnAdminCanCreateAScimKey() {
		String email = unique("frank");
		createAccount(email);

		Api.Response refused = api.post("/api/v1/auth/api-keys", Map.of("name", "idp", "scopes", List.of("scim")),
				api.login(email, PASSWORD));

		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.json().get("detail").asString()).contains("read, write, share");
	}

	@Test
	void discoveryEndpointsDescribeWhatIsSupported() {
		long auditedBefore = discoveries();
		JsonNode config = scim("GET", "/ServiceProviderConfig", null).json();
		JsonNode types = scim("GET", "/ResourceTypes", null).json();
		JsonNode schemas = scim("GET", "/Schemas", null).json();

		assertThat(config.get("patch").get("supported").asBoolean()).isTrue();
		assertThat(config.get("bulk").get("supported").asBoolean()).isFalse();
		assertThat(types.get("totalResults").asInt()).isEqualTo(2);
		assertThat(types.get("Resources").valueStream().map((t) -> t.get("endpoint").asString()))
			.containsExactly("/Users", "/Groups");
		assertThat(schemas.get("Resources").valueStream().map((s) -> s.get("id").asString())).contains(USER_SCHEMA);
		assertThat(scim("GET", "/Schemas/" + USER_SCHEMA, null).json().get("name").asString()).isEqualTo("User");
		assertThat(discoveries()).as("every read audited").isEqualTo(auditedBefore + 4);
		Api.Response unknown = scim("POST", "/Bulk", Map.of("Operations", List.of()));
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.contentType()).startsWith("application/scim+json");
		assertThat(api.send(api.builder("/scim/v2/Bulk", null).GET()).status()).isEqualTo(401);
		Api.Response xml = api.send(api.builder("/scim/v2/Users", key)
			.header("Content-Type", "application/xml")
			.POST(java.net.http.HttpRequest.BodyPublishers.ofString("<user/>")));
		assertThat(xml.status()).isEqualTo(415);
		assertThat(xml.contentType()).startsWith("application/scim+json");
	}

	@Test
	void badRequestsAreScimErrorsAndShowOnTheStatusPage() {
		Api.Response noUserName = scim("POST", "/Users", Map.of("displayName", "Nameless"));
		Api.Response notEmail = scim("POST", "/Users", Map.of("userName", "not an email"));
		Api.Response garbled = scim("POST", "/Users", "{\"userName\": ");
		Api.Response badFilter = scim("GET", "/Users?filter=" + encode("name.familyName co \"x\""), null);
		// PostgreSQL refuses a NUL with an error of its own; the value is refused first.
		Api.Response nulName = scim("POST", "/Users", Map.of("userName", unique("nul\0")));
		Api.Response nulExternalId = scim("POST", "/Users", Map.of("userName", unique("ext"), "externalId", "id\0x"));
		Api.Response badPatch = scim("PATCH", "/Users/" + UUID.randomUUID(), Map.of("Operations", List.of()));

		assertThat(List.of(nulName, nulExternalId)).allSatisfy((refused) -> {
			assertThat(refused.status()).as(refused.body()).isEqualTo(400);
			assertThat(refused.json().get("scimType").asString()).isEqualTo("invalidValue");
			assertThat(refused.json().get("detail").asString()).contains("control character");
		});
		assertThat(noUserName.status()).isEqualTo(400);
		assertThat(noUserName.json().get("scimType").asString()).isEqualTo("invalidValue");
		assertThat(notEmail.json().get("detail").asString()).contains("email");
		assertThat(garbled.status()).isEqualTo(400);
		assertThat(garbled.json().get("scimType").asString()).isEqualTo("invalidSyntax");
		assertThat(badFilter.status()).isEqualTo(400);
		assertThat(badFilter.json().get("scimType").asString()).isEqualTo("invalidFilter");
		assertThat(badPatch.status()).isEqualTo(404);
		assertThat(List.of(noUserName, notEmail, garbled, badFilter, badPatch))
			.allSatisfy((response) -> assertThat(response.contentType()).startsWith("application/scim+json"));

		JsonNode status = api.get("/api/v1/admin/scim", adminToken()).json();
		assertThat(status.get("last_request_at").isNull()).isFalse();
		assertThat(status.get("last_error").asString()).contains("404");
		assertThat(status.get("deprovision").asString()).isEqualTo("suspend");
		assertThat(api.get("/api/v1/admin/scim", key).status()).isEqualTo(403);
	}

	@Test
	void anErasedAccountsAddressLeavesTheStatusPage() {
		String email = "twice-" + UUID.randomUUID() + "@example.org";
		Api.Response created = scim("POST", "/Users", Map.of("schemas", List.of(USER_SCHEMA), "userName", email));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(scim("POST", "/Users", Map.of("schemas", List.of(USER_SCHEMA), "userName", email)).status())
			.isEqualTo(409);
		assertThat(api.get("/api/v1/admin/scim", adminToken()).json().get("last_error").asString()).contains(email);

		assertThat(api.delete("/api/v1/admin/users/" + created.json().get("id").asString(), adminToken()).status())
			.isEqualTo(204);

		assertThat(api.get("/api/v1/admin/scim", adminToken()).json().get("last_error").asString())
			.doesNotContain(email)
			.contains("[erased account]");
	}

	private Api.Response scim(String method, String path, Object body) {
		return new ScimClient(api, key).send(method, path, body);
	}

	@SafeVarargs
	private static Map<String, Object> patch(Map<String, Object>... operations) {
		return Map.of("schemas", List.of(PATCH_SCHEMA), "Operations", List.of(operations));
	}

	private static List<String> members(JsonNode group) {
		return group.get("members").valueStream().map((m) -> m.get("value").asString()).toList();
	}

	private String createKey(String token, List<String> scopes) {
		return ScimClient.createKey(api, token, scopes);
	}

	/** An administrator named Root, made in Ferry; its id. */
	private String createAdmin(String email) {
		Api.Response admin = api.post("/api/v1/admin/users",
				Map.of("email", email, "password", PASSWORD, "role", "admin", "name", "Root"), adminToken());
		assertThat(admin.status()).as(admin.body()).isEqualTo(201);
		return admin.json().get("id").asString();
	}

	private String createAccount(String email) {
		return ScimClient.createAccount(api, adminToken(), email);
	}

	private List<String> actions(String objectId) {
		return jdbc.sql("SELECT action FROM audit_log WHERE object_id = ? ORDER BY seq")
			.param(objectId)
			.query(String.class)
			.list();
	}

	private String audit(String action, String objectId) {
		return jdbc.sql("SELECT details FROM audit_log WHERE action = ? AND object_id = ? ORDER BY seq DESC")
			.params(action, objectId)
			.query(String.class)
			.list()
			.get(0);
	}

	private long discoveries() {
		return jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'scim.discovery' AND outcome = 'success'")
			.query(Long.class)
			.single();
	}

	private static String unique(String name) {
		return name + "-" + UUID.randomUUID() + "@ferry.test";
	}

	private static String encode(String query) {
		return ScimClient.filter(query);
	}

}
