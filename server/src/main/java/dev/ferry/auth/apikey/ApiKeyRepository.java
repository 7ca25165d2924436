package dev.ferry.auth.apikey;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.ferry.auth.Scope;

@Repository
class ApiKeyRepository {

	private static final String COLUMNS = "id, user_id, name, prefix, scopes, created_at, expires_at, last_used_at, revoked_at";

	private final JdbcClient jdbc;

	ApiKeyRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(ApiKey key, String keyHash) {
		jdbc.sql("""
				INSERT INTO api_keys (id, user_id, name, prefix, key_hash, scopes, created_at, expires_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(key.id().toString(), key.userId().toString(), key.name(), key.prefix(), keyHash,
					String.join(",", Scope.apiNames(key.scopes())), key.createdAt().toEpochMilli(),
					millis(key.expiresAt()))
			.update();
	}

	Optional<ApiKey> findByHash(String keyHash) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM api_keys WHERE key_hash = ?")
			.param(keyHash)
			.query(ApiKeyRepository::map)
			.optional();
	}

	/**
	 * The user's keys that are not revoked (expired ones included, so they can be seen).
	 */
	List<ApiKey> listForUser(UUID userId) {
		return jdbc
			.sql("SELECT " + COLUMNS + " FROM api_keys WHERE user_id = ? AND revoked_at IS NULL "
					+ "ORDER BY created_at DESC, id")
			.param(userId.toString())
			.query(ApiKeyRepository::map)
			.list();
	}

	boolean revoke(UUID userId, UUID id, Instant now) {
		return jdbc.sql("UPDATE api_keys SET revoked_at = ? WHERE id = ? AND user_id = ? AND revoked_at IS NULL")
			.params(now.toEpochMilli(), id.toString(), userId.toString())
			.update() == 1;
	}

	void touch(UUID id, Instant now) {
		jdbc.sql("UPDATE api_keys SET last_used_at = ? WHERE id = ?")
			.params(now.toEpochMilli(), id.toString())
			.update();
	}

	private static ApiKey map(ResultSet rs, int row) throws SQLException {
		Set<Scope> scopes = Scope.of(Arrays.asList(rs.getString("scopes").split(",")));
		return new ApiKey(UUID.fromString(rs.getString("id")), UUID.fromString(rs.getString("user_id")),
				rs.getString("name"), rs.getString("prefix"), scopes, instant(rs, "created_at"),
				instant(rs, "expires_at"), instant(rs, "last_used_at"), instant(rs, "revoked_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		long millis = rs.getLong(column);
		return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
	}

	private static Long millis(Instant instant) {
		return (instant != null) ? instant.toEpochMilli() : null;
	}

	record ApiKey(UUID id, UUID userId, String name, String prefix, Set<Scope> scopes, Instant createdAt,
			Instant expiresAt, Instant lastUsedAt, Instant revokedAt) {

		/** Why this key may not be used now, or null when it may. */
		String refusal(Instant now) {
			if (revokedAt != null) {
				return "revoked";
			}
			return (expiresAt != null && !expiresAt.isAfter(now)) ? "expired" : null;
		}

	}

}
