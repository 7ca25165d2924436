package dev.ferry.auth.oauth;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Registered apps ({@code oauth_apps}); redirect URIs one per line. */
@Repository
class OAuthAppRepository {

	private static final String COLUMNS = "id, owner_id, name, client_type, secret_hash, redirect_uris, created_at";

	private final JdbcClient jdbc;

	OAuthAppRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(App app, String secretHash) {
		jdbc.sql("""
				INSERT INTO oauth_apps (id, owner_id, name, client_type, secret_hash, redirect_uris, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(app.id().toString(), app.ownerId().toString(), app.name(),
					app.confidential() ? "confidential" : "public", secretHash, String.join("\n", app.redirectUris()),
					app.createdAt().toEpochMilli())
			.update();
	}

	/** An app that is not deleted. */
	Optional<App> find(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM oauth_apps WHERE id = ? AND revoked_at IS NULL")
			.param(id.toString())
			.query(OAuthAppRepository::map)
			.optional();
	}

	/** The stored hash of a confidential app's secret. */
	Optional<String> secretHash(UUID id) {
		return jdbc.sql("SELECT secret_hash FROM oauth_apps WHERE id = ? AND revoked_at IS NULL")
			.param(id.toString())
			.query(String.class)
			.optional();
	}

	List<App> listForOwner(UUID ownerId) {
		return jdbc
			.sql("SELECT " + COLUMNS + " FROM oauth_apps WHERE owner_id = ? AND revoked_at IS NULL "
					+ "ORDER BY created_at DESC, id")
			.param(ownerId.toString())
			.query(OAuthAppRepository::map)
			.list();
	}

	List<App> listAll() {
		return jdbc.sql("SELECT " + COLUMNS + " FROM oauth_apps WHERE revoked_at IS NULL ORDER BY created_at DESC, id")
			.query(OAuthAppRepository::map)
			.list();
	}

	boolean revoke(UUID id, Instant now) {
		return jdbc.sql("UPDATE oauth_apps SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")
			.params(now.toEpochMilli(), id.toString())
			.update() == 1;
	}

	private static App map(ResultSet rs, int row) throws SQLException {
		return new App(UUID.fromString(rs.getString("id")), UUID.fromString(rs.getString("owner_id")),
				rs.getString("name"), "confidential".equals(rs.getString("client_type")),
				Arrays.asList(rs.getString("redirect_uris").split("\n")),
				Instant.ofEpochMilli(rs.getLong("created_at")));
	}

	record App(UUID id, UUID ownerId, String name, boolean confidential, List<String> redirectUris, Instant createdAt) {

		String clientType() {
			return confidential ? "confidential" : "public";
		}

	}

}
