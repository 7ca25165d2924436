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

	Optional<Link> find(UUID userId) {
		return jdbc.sql("SELECT dn, entry_id FROM directory_accounts WHERE user_id = ?")
			.param(userId.toString())
			.query((rs, i) -> new Link(rs.getString(1), rs.getString(2)))
			.optional();
	}

	void link(UUID userId, DirectoryEntry entry, Instant now) {
		jdbc.sql("INSERT INTO directory_accounts (user_id, dn, entry_id, created_at, synced_at) "
				+ "VALUES (?, ?, ?, ?, ?)")
			.params(userId.toString(), entry.dn(), entry.entryId(), now.toEpochMilli(), now.toEpochMilli())
			.update();
	}

	/** A sign-in of the linked entry; a link made before entry ids learns its entry's. */
	void touch(UUID userId, DirectoryEntry entry, Instant now) {
		jdbc.sql("UPDATE directory_accounts SET dn = ?, entry_id = COALESCE(entry_id, ?), synced_at = ? "
				+ "WHERE user_id = ?")
			.params(entry.dn(), entry.entryId(), now.toEpochMilli(), userId.toString())
			.update();
	}

	/** The entry an account was provisioned from: its DN, and its id where known. */
	record Link(String dn, String entryId) {

		/**
		 * Whether {@code entry} may be this link's entry: the same id, or one unknown.
		 */
		boolean admits(String otherEntryId) {
			return entryId == null || otherEntryId == null || entryId.equals(otherEntryId);
		}

	}

}
