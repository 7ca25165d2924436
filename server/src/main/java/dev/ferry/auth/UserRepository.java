package dev.ferry.auth;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class UserRepository {

	private static final String COLUMNS = "id, email, name, password_hash, role, status, quota_bytes, created_at, updated_at";

	private final JdbcClient jdbc;

	UserRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(User user) {
		jdbc.sql("INSERT INTO users (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(user.id().toString(), normalize(user.email()), user.name(), user.passwordHash(), user.role().name(),
					user.status().name(), user.quotaBytes(), user.createdAt().toEpochMilli(),
					user.updatedAt().toEpochMilli())
			.update();
	}

	Optional<User> findById(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE id = ?")
			.param(id.toString())
			.query(this::map)
			.optional();
	}

	Optional<User> findByEmail(String email) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE email = ?")
			.param(normalize(email))
			.query(this::map)
			.optional();
	}

	boolean anyAdmin() {
		return jdbc.sql("SELECT COUNT(*) FROM users WHERE role = 'ADMIN'").query(Long.class).single() > 0;
	}

	static String normalize(String email) {
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
