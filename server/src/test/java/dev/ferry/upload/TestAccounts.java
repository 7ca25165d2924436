package dev.ferry.upload;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import dev.ferry.auth.Role;
import dev.ferry.testing.Api;

/**
 * Creates signed-in accounts with unique emails through the admin API (the tests share
 * one server and database).
 */
final class TestAccounts {

	private final Api api;

	private final String adminToken;

	TestAccounts(Api api, String adminToken) {
		this.api = api;
		this.adminToken = adminToken;
	}

	/** A user with room for every test upload. */
	Account user() {
		return create(Role.USER, 1L << 40);
	}

	Account create(Role role, Long quotaBytes) {
		String email = role.name().toLowerCase(Locale.ROOT) + "-" + UUID.randomUUID() + "@upload.test";
		String password = "password-" + UUID.randomUUID();
		Map<String, Object> body = new HashMap<>();
		body.put("email", email);
		body.put("password", password);
		body.put("role", role.name().toLowerCase(Locale.ROOT));
		if (quotaBytes != null) {
			body.put("quota_bytes", quotaBytes);
		}
		Api.Response created = api.post("/api/v1/admin/users", body, adminToken);
		if (created.status() != 201 && created.status() != 200) {
			throw new AssertionError("creating " + email + " failed: " + created);
		}
		return new Account(UUID.fromString(created.json().get("id").asString()), email, password,
				api.login(email, password));
	}

	record Account(UUID id, String email, String password, String token) {
	}

}
