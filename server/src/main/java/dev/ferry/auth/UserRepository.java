package dev.ferry.auth;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import dev.ferry.SqlDialect;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class UserRepository {

	private static final String COLUMNS = "id, email, name, password_hash, role, status, quota_bytes, created_at, updated_at";

	private final JdbcClient jdbc;

	public UserRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(User user) {
		jdbc.sql("INSERT INTO users (" + COLUMNS + ", password_changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(user.id().toString(), normalize(user.email()), user.name(), user.passwordHash(), user.role().name(),
					user.status().name(), user.quotaBytes(), user.createdAt().toEpochMilli(),
					user.updatedAt().toEpochMilli(),
					(user.passwordHash() != null) ? user.createdAt().toEpochMilli() : null)
			.update();
	}

	public void setPassword(UUID id, String passwordHash, Instant now) {
		jdbc.sql("UPDATE users SET password_hash = ?, password_changed_at = ?, updated_at = ? WHERE id = ?")
			.params(passwordHash, now.toEpochMilli(), now.toEpochMilli(), id.toString())
			.update();
	}

	/**
	 * Stores a stronger hash of the same password (another algorithm or a higher cost):
	 * the password's age stays, and a password changed meanwhile is left as it is.
	 */
	public boolean rehashPassword(UUID id, String oldHash, String newHash) {
		return jdbc.sql("UPDATE users SET password_hash = ? WHERE id = ? AND password_hash = ?")
			.params(newHash, id.toString(), oldHash)
			.update() == 1;
	}

	/**
	 * Whether {@code hash} is still the account's password hash, holding the account's
	 * row (shared) until the caller's transaction ends: a password change or reset that
	 * commits meanwhile is seen here or waits, so a sign-in that checked the old password
	 * either sees the change or opens its session before the change ends every session.
	 */
	public boolean holdPassword(UUID id, String hash, SqlDialect dialect) {
		return jdbc.sql("SELECT id FROM users WHERE id = ? AND password_hash = ?" + dialect.lockShared())
			.params(id.toString(), hash)
			.query(String.class)
			.optional()
			.isPresent();
	}

	/** When the password was last set; empty for accounts without one. */
	public Optional<Instant> passwordChangedAt(UUID id) {
		return jdbc.sql("SELECT password_changed_at FROM users WHERE id = ? AND password_hash IS NOT NULL")
			.param(id.toString())
			.query((rs, i) -> rs.getLong(1))
			.optional()
			.filter((at) -> at > 0)
			.map(Instant::ofEpochMilli);
	}

	/**
	 * Writes the account's name, role, status and quota; never its password, which only
	 * {@link #setPassword} and {@link #rehashPassword} change, so an edit made from an
	 * older reading cannot bring an old password back.
	 */
	public void update(User user) {
		jdbc.sql("""
				UPDATE users SET name = ?, role = ?, status = ?, quota_bytes = ?, updated_at = ?
				WHERE id = ?""")
			.params(user.name(), user.role().name(), user.status().name(), user.quotaBytes(),
					user.updatedAt().toEpochMilli(), user.id().toString())
			.update();
	}

	public boolean delete(UUID id) {
		return jdbc.sql("DELETE FROM users WHERE id = ?").param(id.toString()).update() == 1;
	}

	public Optional<User> findById(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE id = ?")
			.param(id.toString())
			.query(this::map)
			.optional();
	}

	public Optional<User> findByEmail(String email) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE email = ?")
			.param(normalize(email))
			.query(this::map)
			.optional();
	}

	/**
	 * Up to {@code limit} users ordered by email, starting after {@code afterEmail}
	 * (null: first page).
	 */
	public List<User> page(String afterEmail, int limit) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE email > ? ORDER BY email LIMIT ?")
			.params((afterEmail != null) ? afterEmail : "", limit)
			.query(this::map)
			.list();
	}

	/** Up to {@code limit} users ordered by email, skipping the first {@code offset}. */
	public List<User> slice(int offset, int limit) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM users ORDER BY email LIMIT ? OFFSET ?")
			.params(limit, offset)
			.query(this::map)
			.list();
	}

	public long count() {
		return jdbc.sql("SELECT COUNT(*) FROM users").query(Long.class).single();
	}

	public void changeEmail(UUID id, String email, Instant now) {
		jdbc.sql("UPDATE users SET email = ?, updated_at = ? WHERE id = ?")
			.params(normalize(email), now.toEpochMilli(), id.toString())
			.update();
	}

	public boolean anyAdmin() {
		return jdbc.sql("SELECT COUNT(*) FROM users WHERE role = 'ADMIN'").query(Long.class).single() > 0;
	}

	/**
	 * Locks the account's row for the rest of the transaction (a write that changes
	 * nothing).
	 */
	public void lock(UUID id) {
		jdbc.sql("UPDATE users SET role = role WHERE id = ?").param(id.toString()).update();
	}

	/**
	 * Locks the active admins' rows for the rest of the transaction (a write that changes
	 * nothing): two admins taking each other away at once must not both count the other
	 * as still there.
	 */
	public void lockActiveAdmins() {
		jdbc.sql("UPDATE users SET role = role WHERE role = 'ADMIN' AND status = 'ACTIVE'").update();
	}

	/**
	 * Active admins other than {@code id}: what is left if that one stops being an admin.
	 */
	public long otherActiveAdmins(UUID id) {
		return jdbc.sql("SELECT COUNT(*) FROM users WHERE role = 'ADMIN' AND status = 'ACTIVE' AND id <> ?")
			.param(id.toString())
			.query(Long.class)
			.single();
	}

	public List<User> activeAdmins() {
		return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE role = 'ADMIN' AND status = 'ACTIVE' ORDER BY email")
			.query(this::map)
			.list();
	}

	public static String normalize(String email) {
		return email.trim().toLowerCase(Locale.ROOT);
	}

	private User map(ResultSet rs, int row) throws SQLException {
		long quotaValue = rs.getLong("quota_bytes");
		Long quota = rs.wasNull() ? null : quotaValue;
		return new User(UUID.fromString(rs.getString("id")), rs.getString("email"), rs.getString("name"),
				rs.getString("password_hash"), Role.valueOf(rs.getString("role")),
				UserStatus.valueOf(rs.getString("status")), quota, Instant.ofEpochMilli(rs.getLong("created_at")),
				Instant.ofEpochMilli(rs.getLong("updated_at")));
	}

}
