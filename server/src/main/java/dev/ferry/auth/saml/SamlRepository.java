package dev.ferry.auth.saml;

import java.time.Instant;
import java.util.Optional;

import dev.ferry.SqlDialect;
import dev.ferry.auth.session.ExpiringRecords;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SAML sign-in requests in flight and the assertions already used. */
@Repository
class SamlRepository implements ExpiringRecords {

	private final JdbcClient jdbc;

	private final SqlDialect dialect;

	SamlRepository(JdbcClient jdbc, SqlDialect dialect) {
		this.jdbc = jdbc;
		this.dialect = dialect;
	}

	void startRequest(String relayHash, String provider, String requestId, Instant now, Instant expiresAt) {
		jdbc.sql("""
				INSERT INTO saml_requests (relay_hash, provider, request_id, created_at, expires_at)
				VALUES (?, ?, ?, ?, ?)""")
			.params(relayHash, provider, requestId, now.toEpochMilli(), expiresAt.toEpochMilli())
			.update();
	}

	/**
	 * Takes a request in flight: only one response can, and only before it expires.
	 * Answers its request id.
	 */
	Optional<String> takeRequest(String relayHash, String provider, Instant now) {
		Optional<String> requestId = jdbc
			.sql("SELECT request_id FROM saml_requests WHERE relay_hash = ? AND provider = ? AND expires_at > ?")
			.params(relayHash, provider, now.toEpochMilli())
			.query(String.class)
			.optional();
		boolean taken = jdbc.sql("DELETE FROM saml_requests WHERE relay_hash = ?").param(relayHash).update() == 1;
		return taken ? requestId : Optional.empty();
	}

	/**
	 * Marks an assertion used until it expires; false when it was used before (on any
	 * node: the primary key decides).
	 */
	boolean use(String assertionHash, Instant expiresAt) {
		return jdbc
			.sql(dialect.insertIfAbsent("INSERT INTO saml_assertions (assertion_hash, expires_at) VALUES (?, ?)",
					"assertion_hash"))
			.params(assertionHash, expiresAt.toEpochMilli())
			.update() == 1;
	}

	@Override
	public int deleteExpiredBefore(Instant cutoff) {
		return jdbc.sql("DELETE FROM saml_requests WHERE expires_at < ?").param(cutoff.toEpochMilli()).update()
				+ jdbc.sql("DELETE FROM saml_assertions WHERE expires_at < ?").param(cutoff.toEpochMilli()).update();
	}

}
