package dev.ferry.auth.ldap;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code directory_accounts}: which account each directory entry signs in as. */
@Repository
class DirectoryAccountRepository {

	private final JdbcClient jdbc;

	DirectoryAccountRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	boolean exists(UUID userId) {
		return jdbc.sql("SELECT COUNT(*) FROM directory_accounts WHERE user_id = ?")
			.param(userId.toString())
			.query(Long.class)
			.single() > 0;
	}

	Optional<UUID> findByDn(String dn) {
		return jdbc.sql("SELECT user_id FROM directory_accounts WHERE dn = ?")
			.param(dn)
			.query(String.class)
			.optional()
			.map(UUID::fromString);
	}

	Optional<String> findDn(UUID userId) {
		return jdbc.sql("SELECT dn FROM directory_accounts WHERE user_id = ?")
			.param(userId.toString())
			.query(String.class)
			.optional();
	}

	void link(UUID userId, String dn, Instant now) {
		jdbc.sql("INSERT INTO directory_accounts (user_id, dn, created_at, synced_at) VALUES (?, ?, ?, ?)")
			.params(userId.toString(), dn, now.toEpochMilli(), now.toEpochMilli())
			.update();
	}

	void touch(UUID userId, String dn, Instant now) {
		jdbc.sql("UPDATE directory_accounts SET dn = ?, synced_at = ? WHERE user_id = ?")
			.params(dn, now.toEpochMilli(), userId.toString())
			.update();
	}

}
