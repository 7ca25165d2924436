package dev.ferry.auth.oauth;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.ferry.auth.Scope;
import dev.ferry.auth.session.ExpiringRecords;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What users granted apps ({@code oauth_grants}) and the codes and tokens issued under
 * each grant ({@code oauth_tokens}, SHA-256 only). A token is live only while its grant
 * and its app are, so revoking either stops every token at once.
 */
@Repository
class AppGrantRepository implements ExpiringRecords {

	private final JdbcClient jdbc;

	AppGrantRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The user's live grant to the app, widened to {@code scopes}, or a new one: an app
	 * has one entry on the account page however often it is approved.
	 */
	UUID grant(UUID appId, UUID userId, Set<Scope> scopes, Instant now) {
		Optional<Grant> existing = jdbc
			.sql("SELECT g.id, g.app_id, g.user_id, g.scopes, g.created_at, g.last_used_at, a.name "
					+ "FROM oauth_grants g JOIN oauth_apps a ON a.id = g.app_id "
					+ "WHERE g.app_id = ? AND g.user_id = ? AND g.revoked_at IS NULL")
			.params(appId.toString(), userId.toString())
			.query(AppGrantRepository::mapGrant)
			.optional();
		if (existing.isPresent()) {
			Set<Scope> widened = EnumSet.copyOf(scopes);
			widened.addAll(existing.get().scopes());
			jdbc.sql("UPDATE oauth_grants SET scopes = ? WHERE id = ?")
				.params(join(widened), existing.get().id().toString())
				.update();
			return existing.get().id();
		}
		UUID id = UUID.randomUUID();
		jdbc.sql("INSERT INTO oauth_grants (id, app_id, user_id, scopes, created_at) VALUES (?, ?, ?, ?, ?)")
			.params(id.toString(), appId.toString(), userId.toString(), join(scopes), now.toEpochMilli())
			.update();
		return id;
	}

	/** The user's live grants to apps that still exist, newest first. */
	List<Grant> listForUser(UUID userId) {
		return jdbc
			.sql("SELECT g.id, g.app_id, g.user_id, g.scopes, g.created_at, g.last_used_at, a.name "
					+ "FROM oauth_grants g JOIN oauth_apps a ON a.id = g.app_id "
					+ "WHERE g.user_id = ? AND g.revoked_at IS NULL AND a.revoked_at IS NULL "
					+ "ORDER BY g.created_at DESC, g.id")
			.param(userId.toString())
			.query(AppGrantRepository::mapGrant)
			.list();
	}

	boolean revokeGrant(UUID userId, UUID grantId, Instant now) {
		return jdbc.sql("UPDATE oauth_grants SET revoked_at = ? WHERE id = ? AND user_id = ? AND revoked_at IS NULL")
			.params(now.toEpochMilli(), grantId.toString(), userId.toString())
			.update() == 1;
	}

	void touchGrant(UUID grantId, Instant now) {
		jdbc.sql("UPDATE oauth_grants SET last_used_at = ? WHERE id = ?")
			.params(now.toEpochMilli(), grantId.toString())
			.update();
	}

	void insertToken(String tokenHash, UUID grantId, Kind kind, Set<Scope> scopes, String redirectUri,
			String codeChallenge, Instant now, Instant expiresAt) {
		jdbc.sql("""
				INSERT INTO oauth_tokens (token_hash, grant_id, kind, scopes, redirect_uri, code_challenge,
				                          created_at, expires_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(tokenHash, grantId.toString(), kind.column(), join(scopes), redirectUri, codeChallenge,
					now.toEpochMilli(), expiresAt.toEpochMilli())
			.update();
	}

	/**
	 * A code or token with its grant and app, revoked or expired ones included (a reused
	 * code must be recognised); never one of a deleted app or revoked grant.
	 */
	Optional<Token> findToken(String tokenHash, Kind kind) {
		return jdbc.sql("""
				SELECT t.grant_id, t.scopes, t.redirect_uri, t.code_challenge, t.expires_at, t.revoked_at,
				       g.app_id, g.user_id, g.last_used_at
				FROM oauth_tokens t
				JOIN oauth_grants g ON g.id = t.grant_id
				JOIN oauth_apps a ON a.id = g.app_id
				WHERE t.token_hash = ? AND t.kind = ? AND g.revoked_at IS NULL AND a.revoked_at IS NULL""")
			.params(tokenHash, kind.column())
			.query(AppGrantRepository::mapToken)
			.optional();
	}

	/** Spends a code or refresh token; false when another request spent it first. */
	boolean spend(String tokenHash, Instant now) {
		return jdbc.sql("UPDATE oauth_tokens SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL")
			.params(now.toEpochMilli(), tokenHash)
			.update() == 1;
	}

	/** Revokes every code and token of a grant (a replayed code or refresh token). */
	void revokeTokens(UUID grantId, Instant now) {
		jdbc.sql("UPDATE oauth_tokens SET revoked_at = ? WHERE grant_id = ? AND revoked_at IS NULL")
			.params(now.toEpochMilli(), grantId.toString())
			.update();
	}

	@Override
	public int deleteExpiredBefore(Instant cutoff) {
		return jdbc.sql("DELETE FROM oauth_tokens WHERE expires_at < ?").param(cutoff.toEpochMilli()).update();
	}

	private static String join(Set<Scope> scopes) {
		return String.join(",", Scope.apiNames(scopes));
	}

	private static Set<Scope> scopes(String joined) {
		return joined.isEmpty() ? EnumSet.noneOf(Scope.class)
				: EnumSet.copyOf(Scope.of(Arrays.asList(joined.split(","))));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		long millis = rs.getLong(column);
		return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
	}

	private static Grant mapGrant(ResultSet rs, int row) throws SQLException {
		return new Grant(UUID.fromString(rs.getString("id")), UUID.fromString(rs.getString("app_id")),
				rs.getString("name"), UUID.fromString(rs.getString("user_id")), scopes(rs.getString("scopes")),
				instant(rs, "created_at"), instant(rs, "last_used_at"));
	}

	private static Token mapToken(ResultSet rs, int row) throws SQLException {
		return new Token(UUID.fromString(rs.getString("grant_id")), UUID.fromString(rs.getString("app_id")),
				UUID.fromString(rs.getString("user_id")), scopes(rs.getString("scopes")), rs.getString("redirect_uri"),
				rs.getString("code_challenge"), instant(rs, "expires_at"), instant(rs, "revoked_at"),
				instant(rs, "last_used_at"));
	}

	enum Kind {

		CODE, ACCESS, REFRESH;

		String column() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	record Grant(UUID id, UUID appId, String appName, UUID userId, Set<Scope> scopes, Instant createdAt,
			Instant lastUsedAt) {
	}

	record Token(UUID grantId, UUID appId, UUID userId, Set<Scope> scopes, String redirectUri, String codeChallenge,
			Instant expiresAt, Instant revokedAt, Instant grantLastUsedAt) {

		boolean live(Instant now) {
			return revokedAt == null && expiresAt.isAfter(now);
		}

	}

}
