package dev.ferry.auth.oidc;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.ferry.auth.session.ExpiringRecords;

/** Sign-ins in flight, provider identities of accounts, and single sign-on sessions. */
@Repository
class OidcRepository implements ExpiringRecords {

	private final JdbcClient jdbc;

	OidcRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void startLogin(String stateHash, String provider, byte[] sealedSecrets, Instant now, Instant expiresAt) {
		jdbc.sql("""
				INSERT INTO oidc_logins (state_hash, provider, sealed_secrets, created_at, expires_at)
				VALUES (?, ?, ?, ?, ?)""")
			.params(stateHash, provider, sealedSecrets, now.toEpochMilli(), expiresAt.toEpochMilli())
			.update();
	}

	/**
	 * Takes a sign-in in flight: only one request can, and only before it expires.
	 * Answers its sealed nonce and verifier.
	 */
	Optional<byte[]> takeLogin(String stateHash, String provider, Instant now) {
		Optional<byte[]> secrets = jdbc
			.sql("SELECT sealed_secrets FROM oidc_logins WHERE state_hash = ? AND provider = ? AND expires_at > ?")
			.params(stateHash, provider, now.toEpochMilli())
			.query((rs, i) -> rs.getBytes(1))
			.optional();
		boolean taken = jdbc.sql("DELETE FROM oidc_logins WHERE state_hash = ?").param(stateHash).update() == 1;
		return taken ? secrets : Optional.empty();
	}

	@Override
	public int deleteExpiredBefore(Instant cutoff) {
		return jdbc.sql("DELETE FROM oidc_logins WHERE expires_at < ?").param(cutoff.toEpochMilli()).update();
	}

	Optional<UUID> findIdentity(String provider, String subject) {
		return jdbc.sql("SELECT user_id FROM user_identities WHERE provider = ? AND subject = ?")
			.params(provider, subject)
			.query((rs, i) -> UUID.fromString(rs.getString(1)))
			.optional();
	}

	void link(String provider, String subject, UUID userId, Instant now) {
		jdbc.sql("""
				INSERT INTO user_identities (provider, subject, user_id, created_at, last_login_at)
				VALUES (?, ?, ?, ?, ?)""")
			.params(provider, subject, userId.toString(), now.toEpochMilli(), now.toEpochMilli())
			.update();
	}

	void touchIdentity(String provider, String subject, Instant now) {
		jdbc.sql("UPDATE user_identities SET last_login_at = ? WHERE provider = ? AND subject = ?")
			.params(now.toEpochMilli(), provider, subject)
			.update();
	}

	void saveSession(UUID sessionId, String provider, byte[] sealedIdToken) {
		jdbc.sql("INSERT INTO sso_sessions (session_id, provider, sealed_id_token) VALUES (?, ?, ?)")
			.params(sessionId.toString(), provider, sealedIdToken)
			.update();
	}

	Optional<SsoSession> findSession(UUID sessionId) {
		return jdbc.sql("SELECT provider, sealed_id_token FROM sso_sessions WHERE session_id = ?")
			.param(sessionId.toString())
			.query((rs, i) -> new SsoSession(sessionId, rs.getString(1), rs.getBytes(2)))
			.optional();
	}

	record SsoSession(UUID sessionId, String provider, byte[] sealedIdToken) {
	}

}
