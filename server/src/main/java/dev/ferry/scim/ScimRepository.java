package dev.ferry.scim;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.ferry.SqlDialect;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code scim_users}, {@code scim_groups} and {@code scim_status}: which accounts and
 * groups a provider manages, under which of its ids, and when it last called.
 */
@Repository
class ScimRepository {

	private final JdbcClient jdbc;

	private final SqlDialect dialect;

	ScimRepository(JdbcClient jdbc, SqlDialect dialect) {
		this.jdbc = jdbc;
		this.dialect = dialect;
	}

	Optional<Link> user(UUID userId) {
		return jdbc.sql("SELECT external_id, deprovisioned_at FROM scim_users WHERE user_id = ?")
			.param(userId.toString())
			.query((rs, i) -> new Link(rs.getString(1), rs.getObject(2) != null))
			.optional();
	}

	/** Links an account (again): a deprovisioned one counts as provisioned once more. */
	void linkUser(UUID userId, String externalId, Instant now) {
		if (jdbc.sql("UPDATE scim_users SET external_id = ?, deprovisioned_at = NULL, updated_at = ? WHERE user_id = ?")
			.params(externalId, now.toEpochMilli(), userId.toString())
			.update() == 0) {
			jdbc.sql(dialect.insertIfAbsent(
					"INSERT INTO scim_users (user_id, external_id, created_at, updated_at) VALUES (?, ?, ?, ?)",
					"user_id"))
				.params(userId.toString(), externalId, now.toEpochMilli(), now.toEpochMilli())
				.update();
		}
	}

	/**
	 * Marks the account deprovisioned, linking it first when SCIM never wrote it (an
	 * account found by its email and deleted at once): hidden from SCIM either way.
	 */
	void deprovisionUser(UUID userId, Instant now) {
		if (jdbc.sql("UPDATE scim_users SET deprovisioned_at = ?, updated_at = ? WHERE user_id = ?")
			.params(now.toEpochMilli(), now.toEpochMilli(), userId.toString())
			.update() == 0) {
			jdbc.sql(dialect.insertIfAbsent("INSERT INTO scim_users (user_id, external_id, created_at, updated_at,"
					+ " deprovisioned_at) VALUES (?, NULL, ?, ?, ?)", "user_id"))
				.params(userId.toString(), now.toEpochMilli(), now.toEpochMilli(), now.toEpochMilli())
				.update();
		}
	}

	Set<UUID> deprovisionedUsers() {
		return jdbc.sql("SELECT user_id FROM scim_users WHERE deprovisioned_at IS NOT NULL")
			.query((rs, i) -> UUID.fromString(rs.getString(1)))
			.list()
			.stream()
			.collect(Collectors.toSet());
	}

	List<UUID> usersWithExternalId(String externalId) {
		return jdbc.sql("SELECT user_id FROM scim_users WHERE external_id = ? AND deprovisioned_at IS NULL")
			.param(externalId)
			.query((rs, i) -> UUID.fromString(rs.getString(1)))
			.list();
	}

	long provisionedUsers() {
		return jdbc.sql("SELECT COUNT(*) FROM scim_users WHERE deprovisioned_at IS NULL").query(Long.class).single();
	}

	Optional<String> groupExternalId(UUID groupId) {
		return jdbc.sql("SELECT external_id FROM scim_groups WHERE group_id = ?")
			.param(groupId.toString())
			.query((rs, i) -> Optional.ofNullable(rs.getString(1)))
			.optional()
			.flatMap((id) -> id);
	}

	boolean groupLinked(UUID groupId) {
		return jdbc.sql("SELECT COUNT(*) FROM scim_groups WHERE group_id = ?")
			.param(groupId.toString())
			.query(Long.class)
			.single() > 0;
	}

	void linkGroup(UUID groupId, String externalId, Instant now) {
		if (jdbc.sql("UPDATE scim_groups SET external_id = ?, updated_at = ? WHERE group_id = ?")
			.params(externalId, now.toEpochMilli(), groupId.toString())
			.update() == 0) {
			jdbc.sql(dialect.insertIfAbsent(
					"INSERT INTO scim_groups (group_id, external_id, created_at, updated_at) VALUES (?, ?, ?, ?)",
					"group_id"))
				.params(groupId.toString(), externalId, now.toEpochMilli(), now.toEpochMilli())
				.update();
		}
	}

	List<UUID> groupsWithExternalId(String externalId) {
		return jdbc.sql("SELECT group_id FROM scim_groups WHERE external_id = ?")
			.param(externalId)
			.query((rs, i) -> UUID.fromString(rs.getString(1)))
			.list();
	}

	long provisionedGroups() {
		return jdbc.sql("SELECT COUNT(*) FROM scim_groups").query(Long.class).single();
	}

	void touch(Instant now) {
		jdbc.sql("UPDATE scim_status SET last_request_at = ? WHERE id = 1").param(now.toEpochMilli()).update();
	}

	void error(Instant now, String error) {
		jdbc.sql("UPDATE scim_status SET last_error_at = ?, last_error = ? WHERE id = 1")
			.params(now.toEpochMilli(), (error.length() > 500) ? error.substring(0, 500) : error)
			.update();
	}

	/** Replaces the last error's text, its time kept (an erasure redacting it). */
	void rewriteError(String error) {
		jdbc.sql("UPDATE scim_status SET last_error = ? WHERE id = 1").param(error).update();
	}

	Status status() {
		return jdbc.sql("SELECT last_request_at, last_error_at, last_error FROM scim_status WHERE id = 1")
			.query((rs, i) -> new Status(instant(rs.getObject(1)), instant(rs.getObject(2)), rs.getString(3)))
			.single();
	}

	private static Instant instant(Object millis) {
		return (millis == null) ? null : Instant.ofEpochMilli(((Number) millis).longValue());
	}

	/** An account's link: the provider's id for it, and whether it was deprovisioned. */
	record Link(String externalId, boolean deprovisioned) {
	}

	record Status(Instant lastRequestAt, Instant lastErrorAt, String lastError) {
	}

}
