package dev.ferry.upload;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import dev.ferry.auth.Role;
import dev.ferry.testing.Api;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Creates signed-in accounts with unique emails for upload tests (the tests share one
 * server and database).
 */
final class TestAccounts {

	private final JdbcClient jdbc;

	private final PasswordEncoder passwords;

	private final Api api;

	TestAccounts(JdbcClient jdbc, PasswordEncoder passwords, Api api) {
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.api = api;
	}

	/** A user with room for every test upload. */
	Account user() {
		return create(Role.USER, 1L << 40);
	}

	Account create(Role role, Long quotaBytes) {
		UUID id = UUID.randomUUID();
		String email = role.name().toLowerCase(Locale.ROOT) + "-" + id + "@upload.test";
		String password = "password-" + UUID.randomUUID();
		long now = Instant.now().toEpochMilli();
		jdbc.sql("INSERT INTO users (id, email, name, password_hash, role, status, quota_bytes, created_at, updated_at)"
				+ " VALUES (?, ?, ?, ?, ?, 'ACTIVE', ?, ?, ?)")
			.params(id.toString(), email, "Upload tester", passwords.encode(password), role.name(), quotaBytes, now,
					now)
			.update();
		return new Account(id, email, api.login(email, password));
	}

	record Account(UUID id, String email, String token) {
	}

}
