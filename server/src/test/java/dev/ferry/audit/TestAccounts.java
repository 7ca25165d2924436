package dev.ferry.audit;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Creates accounts straight in the database, for audit tests that need a second,
 * non-admin user on a server whose sign-up flow is not theirs to test.
 */
final class TestAccounts {

	static final String PASSWORD = "a-user-password-for-tests";

	private TestAccounts() {
	}

	/** A new active account with role {@code role}; returns its id. */
	static String create(JdbcClient jdbc, PasswordEncoder passwords, String email, String role) {
		String id = UUID.randomUUID().toString();
		long now = System.currentTimeMillis();
		jdbc.sql("INSERT INTO users (id, email, password_hash, role, status, created_at, updated_at) "
				+ "VALUES (?, ?, ?, ?, 'ACTIVE', ?, ?)")
			.params(id, email, passwords.encode(PASSWORD), role, now, now)
			.update();
		return id;
	}

	static String uniqueEmail(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@ferry.test";
	}

}
