package dev.ferry.testing;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import dev.ferry.auth.Role;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The one way tests make accounts. With a running server, through the admin API
 * ({@link #create}); for repository tests without a server, or tests whose subject is not
 * how accounts come to be, as a row ({@link #row}). No other test code writes to
 * {@code users} (TestConventionsTests).
 */
public final class TestAccounts {

	/** A password for accounts whose password the test does not care about. */
	public static final String PASSWORD = "a-user-password-for-tests";

	private final Api api;

	private final String adminToken;

	public TestAccounts(Api api, String adminToken) {
		this.api = api;
		this.adminToken = adminToken;
	}

	/** A user with room for every test upload. */
	public Account user() {
		return create(Role.USER, 1L << 40);
	}

	public Account create(Role role, Long quotaBytes) {
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

	/** An active user row with a unique email and no password; returns its id. */
	public static UUID insertUser(JdbcClient jdbc) {
		return row().insert(jdbc);
	}

	/** A users row to describe and {@link Row#insert insert}. */
	public static Row row() {
		return new Row(UUID.randomUUID(), null, null, null, "USER", "ACTIVE", null, System.currentTimeMillis());
	}

	public static String uniqueEmail(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@ferry.test";
	}

	public record Account(UUID id, String email, String password, String token) {
	}

	/**
	 * The columns of a users row that tests choose; the email defaults to one made from
	 * the id, the times to now.
	 */
	public record Row(UUID id, String email, String name, String passwordHash, String role, String status,
			Long quotaBytes, long createdAt) {

		public Row id(UUID id) {
			return new Row(id, this.email, this.name, this.passwordHash, this.role, this.status, this.quotaBytes,
					this.createdAt);
		}

		public Row email(String email) {
			return new Row(this.id, email, this.name, this.passwordHash, this.role, this.status, this.quotaBytes,
					this.createdAt);
		}

		public Row name(String name) {
			return new Row(this.id, this.email, name, this.passwordHash, this.role, this.status, this.quotaBytes,
					this.createdAt);
		}

		/** The stored hash, made by the server's own {@code PasswordEncoder}. */
		public Row passwordHash(String passwordHash) {
			return new Row(this.id, this.email, this.name, passwordHash, this.role, this.status, this.quotaBytes,
					this.createdAt);
		}

		public Row role(String role) {
			return new Row(this.id, this.email, this.name, this.passwordHash, role, this.status, this.quotaBytes,
					this.createdAt);
		}

		public Row status(String status) {
			return new Row(this.id, this.email, this.name, this.passwordHash, this.role, status, this.quotaBytes,
					this.createdAt);
		}

		public Row quotaBytes(Long quotaBytes) {
			return new Row(this.id, this.email, this.name, this.passwordHash, this.role, this.status, quotaBytes,
					this.createdAt);
		}

		public Row createdAt(long createdAt) {
			return new Row(this.id, this.email, this.name, this.passwordHash, this.role, this.status, this.quotaBytes,
					createdAt);
		}

		public UUID insert(JdbcClient jdbc) {
			jdbc.sql("INSERT INTO users (id, email, name, password_hash, role, status, quota_bytes, created_at, "
					+ "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
				.params(this.id.toString(), (this.email != null) ? this.email : this.id + "@ferry.test", this.name,
						this.passwordHash, this.role, this.status, this.quotaBytes, this.createdAt, this.createdAt)
				.update();
			return this.id;
		}

	}

}
