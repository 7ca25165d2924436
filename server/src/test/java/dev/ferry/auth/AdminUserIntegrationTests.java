package dev.ferry.auth;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import dev.ferry.testing.Api;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class AdminUserIntegrationTests extends AuthIntegrationTest {

	@Test
	void adminCreatesReadsAndUpdatesAUser() {
		String admin = adminToken();
		String email = "Create-" + UUID.randomUUID() + "@Ferry.test";

		Api.Response created = api.post("/api/v1/admin/users",
				Map.of("email", email, "password", PASSWORD, "role", "guest", "name", "Gus"), admin);

		assertThat(created.status()).isEqualTo(201);
		JsonNode user = created.json();
		String id = user.get("id").asString();
		assertThat(user.get("email").asString()).isEqualTo(email.toLowerCase());
		assertThat(user.get("role").asString()).isEqualTo("guest");
		assertThat(user.get("status").asString()).isEqualTo("active");
		assertThat(user.has("password_hash")).isFalse();
		assertThat(api.get("/api/v1/admin/users/" + id, admin).json().get("name").asString()).isEqualTo("Gus");

		Api.Response patched = api.patch("/api/v1/admin/users/" + id,
				Map.of("name", "Gustav", "role", "user", "quota_bytes", 5_000_000), admin);

		assertThat(patched.status()).isEqualTo(200);
		assertThat(patched.json().get("name").asString()).isEqualTo("Gustav");
		assertThat(patched.json().get("role").asString()).isEqualTo("user");
		assertThat(patched.json().get("quota_bytes").asLong()).isEqualTo(5_000_000);

		Map<String, Object> clearQuota = new HashMap<>();
		clearQuota.put("quota_bytes", null);
		JsonNode cleared = api.patch("/api/v1/admin/users/" + id, clearQuota, admin).json();
		assertThat(cleared.get("quota_bytes").isNull()).isTrue();
		assertThat(cleared.get("name").asString()).as("absent fields stay").isEqualTo("Gustav");
		assertThat(audits("admin.user_update")).anySatisfy((row) -> {
			assertThat(row.objectId()).isEqualTo(id);
			assertThat(row.details()).contains("quota_bytes");
		});
		assertThat(audits("admin.user_create")).anySatisfy((row) -> assertThat(row.objectId()).isEqualTo(id));
	}

	@Test
	void duplicateEmailIsAConflict() {
		Account existing = createAccount("user");

		Api.Response again = api.post("/api/v1/admin/users",
				Map.of("email", existing.email().toUpperCase(), "password", PASSWORD, "role", "user"), adminToken());

		assertThat(again.status()).isEqualTo(409);
		assertThat(again.json().get("type").asString()).isEqualTo("/problems/email-taken");
	}

	@Test
	void badInputNamesEveryField() {
		Api.Response response = api.post("/api/v1/admin/users",
				Map.of("email", "not-an-email", "password", "short", "role", "root", "quota_bytes", -1), adminToken());

		assertThat(fields(response)).containsExactlyInAnyOrder("email", "password", "role", "quota_bytes");
		assertThat(response.json()
			.get("errors")
			.valueStream()
			.filter((e) -> e.get("field").asString().equals("password"))
			.findFirst()
			.orElseThrow()
			.get("message")
			.asString()).contains("at least 12 characters");
		assertThat(fields(api.patch("/api/v1/admin/users/" + UUID.randomUUID(), Map.of("role", "boss"), adminToken())))
			.containsExactly("role");
	}

	@Test
	void listingPagesWithACursor() {
		String admin = adminToken();
		createAccount("user");
		createAccount("user");
		createAccount("user");
		Set<String> seen = new HashSet<>();
		String cursor = null;
		int pages = 0;
		do {
			Api.Response page = api.get("/api/v1/admin/users?limit=2" + ((cursor != null) ? "&cursor=" + cursor : ""),
					admin);
			assertThat(page.status()).isEqualTo(200);
			JsonNode items = page.json().get("items");
			assertThat(items.size()).isLessThanOrEqualTo(2);
			items.valueStream().forEach((item) -> assertThat(seen.add(item.get("id").asString())).isTrue());
			assertThat(page.json().has("next_cursor")).isTrue();
			cursor = page.json().get("next_cursor").isNull() ? null : page.json().get("next_cursor").asString();
			pages++;
		}
		while (cursor != null);
		long total = jdbc.sql("SELECT COUNT(*) FROM users").query(Long.class).single();
		assertThat(seen).hasSizeGreaterThanOrEqualTo(4);
		assertThat((long) seen.size()).isLessThanOrEqualTo(total);
		assertThat(pages).isGreaterThanOrEqualTo(2);
		assertThat(fields(api.get("/api/v1/admin/users?limit=0", admin))).containsExactly("limit");
		assertThat(fields(api.get("/api/v1/admin/users?cursor=%25%25", admin))).containsExactly("cursor");
	}

	@Test
	void unknownUserIsNotFound() {
		String admin = adminToken();
		UUID unknown = UUID.randomUUID();
		String path = "/api/v1/admin/users/" + unknown;
		assertThat(api.get(path, admin).status()).isEqualTo(404);
		assertThat(api.delete(path, admin).status()).isEqualTo(404);
		assertThat(api.post(path + "/suspend", "", admin).status()).isEqualTo(404);
		assertThat(Stream.of("admin.user_read", "admin.user_delete", "admin.user_suspend")
			.flatMap((action) -> audits(action).stream())
			.filter((row) -> unknown.toString().equals(row.objectId()))).as("every refusal is on the trail")
			.hasSize(3)
			.allSatisfy((row) -> assertThat(row.outcome()).isEqualTo("failure"));
	}

	@Test
	void deletingAUserEndsTheirSessionsAndKeys() {
		Account user = createAccount("user");
		String token = user.token(api);
		String key = api.post("/api/v1/auth/api-keys", Map.of("name", "k", "scopes", List.of("read")), token)
			.json()
			.get("key")
			.asString();

		assertThat(api.delete("/api/v1/admin/users/" + user.id(), adminToken()).status()).isEqualTo(204);

		assertThat(api.get("/api/v1/me", token).status()).isEqualTo(401);
		assertThat(api.get("/api/v1/me", key).status()).isEqualTo(401);
		assertThat(api.get("/api/v1/admin/users/" + user.id(), adminToken()).status()).isEqualTo(404);
		assertThat(
				jdbc.sql("SELECT COUNT(*) FROM sessions WHERE user_id = ?").param(user.id()).query(Long.class).single())
			.isZero();
		// A deletion is an erasure: the record names the account only by its pseudonym.
		assertThat(audits("admin.user_delete")).noneSatisfy((row) -> assertThat(row.objectId()).isEqualTo(user.id()))
			.anySatisfy((row) -> assertThat(row.objectId()).startsWith("erased-"));
	}

	@Test
	void suspensionStopsTokensAndKeysAtOnceAndUnsuspendRestoresAccess() {
		Account user = createAccount("user");
		String token = user.token(api);
		String key = api.post("/api/v1/auth/api-keys", Map.of("name", "k", "scopes", List.of("read")), token)
			.json()
			.get("key")
			.asString();
		String admin = adminToken();

		Api.Response suspended = api.post("/api/v1/admin/users/" + user.id() + "/suspend", "", admin);

		assertThat(suspended.status()).isEqualTo(200);
		assertThat(suspended.json().get("status").asString()).isEqualTo("suspended");
		assertThat(api.get("/api/v1/me", token).status()).isEqualTo(401);
		assertThat(api.get("/api/v1/me", key).status()).isEqualTo(401);
		Api.Response login = api.post("/api/v1/auth/login", Map.of("email", user.email(), "password", PASSWORD), null);
		assertThat(login.status()).isEqualTo(403);
		assertThat(login.json().get("type").asString()).isEqualTo("/problems/account-suspended");
		assertThat(audits("auth.api_key_use")).anySatisfy((row) -> {
			assertThat(row.actorId()).isEqualTo(user.id());
			assertThat(row.details()).contains("suspended");
		});

		Api.Response unsuspended = api.post("/api/v1/admin/users/" + user.id() + "/unsuspend", "", admin);

		assertThat(unsuspended.json().get("status").asString()).isEqualTo("active");
		assertThat(api.get("/api/v1/me", key).status()).as("keys survive a suspension").isEqualTo(200);
		assertThat(api.get("/api/v1/me", token).status()).as("sessions do not").isEqualTo(401);
		assertThat(user.token(api)).isNotBlank();
		assertThat(audits("admin.user_suspend")).anySatisfy((row) -> assertThat(row.objectId()).isEqualTo(user.id()));
		assertThat(audits("admin.user_unsuspend")).anySatisfy((row) -> assertThat(row.objectId()).isEqualTo(user.id()));
	}

	@Test
	void nonAdminsAreRefusedEverywhereAndAudited() {
		Account user = createAccount("user");
		String token = user.token(api);
		String target = "/api/v1/admin/users/" + createAccount("user").id();
		List<Api.Response> responses = List.of(api.get("/api/v1/admin/users", token), api.get(target, token),
				api.post("/api/v1/admin/users",
						Map.of("email", "x" + UUID.randomUUID() + "@ferry.test", "password", PASSWORD, "role", "admin"),
						token),
				api.patch(target, Map.of("role", "admin"), token), api.delete(target, token),
				api.post(target + "/suspend", "", token), api.post(target + "/unsuspend", "", token),
				api.post("/api/v1/admin/invitations", Map.of("email", "i@ferry.test", "role", "user"), token));

		assertThat(responses).allSatisfy((response) -> {
			assertThat(response.status()).isEqualTo(403);
			assertThat(response.contentType()).startsWith("application/problem+json");
		});
		for (String action : List.of("admin.user_list", "admin.user_read", "admin.user_create", "admin.user_update",
				"admin.user_delete", "admin.user_suspend", "admin.user_unsuspend", "invitation.create")) {
			assertThat(audits(action)).as(action).anySatisfy((row) -> {
				assertThat(row.outcome()).isEqualTo("denied");
				assertThat(row.actorId()).isEqualTo(user.id());
			});
		}
	}

}
