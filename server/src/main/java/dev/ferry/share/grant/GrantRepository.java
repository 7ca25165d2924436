package dev.ferry.share.grant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.ferry.SqlDialect;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static dev.ferry.share.transfer.TransferRepository.instant;

/** {@code access_grants}, {@code user_groups} and {@code group_members}. */
@Repository
class GrantRepository {

	private static final String COLUMNS = "id, owner_id, object_type, object_id, grantee_type, grantee_id, "
			+ "permission, created_at";

	private final JdbcClient jdbc;

	private final SqlDialect dialect;

	GrantRepository(JdbcClient jdbc, SqlDialect dialect) {
		this.jdbc = jdbc;
		this.dialect = dialect;
	}

	/** Inserts, or changes the permission of the existing grant to the same grantee. */
	Grant upsert(Grant grant) {
		jdbc.sql(dialect.upsert("INSERT INTO access_grants (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
				new String[] { "object_type", "object_id", "grantee_type", "grantee_id" }, "permission"))
			.params(grant.id().toString(), grant.ownerId().toString(), grant.objectType(), grant.objectId().toString(),
					grant.granteeType(), grant.granteeId().toString(), grant.permission().apiName(),
					grant.createdAt().toEpochMilli())
			.update();
		return jdbc
			.sql("SELECT " + COLUMNS + " FROM access_grants WHERE object_type = ? AND object_id = ? "
					+ "AND grantee_type = ? AND grantee_id = ?")
			.params(grant.objectType(), grant.objectId().toString(), grant.granteeType(), grant.granteeId().toString())
			.query(GrantRepository::map)
			.single();
	}

	List<Grant> forObject(String type, UUID objectId) {
		return jdbc
			.sql("SELECT " + COLUMNS + " FROM access_grants WHERE object_type = ? AND object_id = ? "
					+ "ORDER BY created_at, id")
			.params(type, objectId.toString())
			.query(GrantRepository::map)
			.list();
	}

	boolean delete(UUID id, String type, UUID objectId) {
		return jdbc.sql("DELETE FROM access_grants WHERE id = ? AND object_type = ? AND object_id = ?")
			.params(id.toString(), type, objectId.toString())
			.update() == 1;
	}

	/** Grants to the user directly or to any of their groups. */
	List<Grant> forGrantee(UUID userId) {
		return jdbc
			.sql("SELECT " + COLUMNS + " FROM access_grants WHERE (grantee_type = 'user' AND grantee_id = ?) "
					+ "OR (grantee_type = 'group' AND grantee_id IN "
					+ "(SELECT group_id FROM group_members WHERE user_id = ?)) ORDER BY created_at DESC, id")
			.params(userId.toString(), userId.toString())
			.query(GrantRepository::map)
			.list();
	}

	void createGroup(UUID id, String name, Instant now) {
		jdbc.sql("INSERT INTO user_groups (id, name, created_at) VALUES (?, ?, ?)")
			.params(id.toString(), name, now.toEpochMilli())
			.update();
	}

	Optional<Group> group(UUID id) {
		return jdbc.sql("SELECT id, name, created_at FROM user_groups WHERE id = ?")
			.param(id.toString())
			.query(GrantRepository::mapGroup)
			.optional();
	}

	Optional<Group> groupNamed(String name) {
		return jdbc.sql("SELECT id, name, created_at FROM user_groups WHERE name = ?")
			.param(name)
			.query(GrantRepository::mapGroup)
			.optional();
	}

	boolean groupNameTaken(String name) {
		return jdbc.sql("SELECT COUNT(*) FROM user_groups WHERE name = ?").param(name).query(Long.class).single() > 0;
	}

	void renameGroup(UUID id, String name) {
		jdbc.sql("UPDATE user_groups SET name = ? WHERE id = ?").params(name, id.toString()).update();
	}

	List<Group> groups() {
		return jdbc.sql("SELECT id, name, created_at FROM user_groups ORDER BY name")
			.query(GrantRepository::mapGroup)
			.list();
	}

	void deleteGroup(UUID id) {
		jdbc.sql("DELETE FROM access_grants WHERE grantee_type = 'group' AND grantee_id = ?")
			.param(id.toString())
			.update();
		jdbc.sql("DELETE FROM user_groups WHERE id = ?").param(id.toString()).update();
	}

	List<UUID> members(UUID groupId) {
		return jdbc.sql("SELECT user_id FROM group_members WHERE group_id = ? ORDER BY added_at, user_id")
			.param(groupId.toString())
			.query((rs, row) -> UUID.fromString(rs.getString(1)))
			.list();
	}

	void addMember(UUID groupId, UUID userId, Instant now) {
		jdbc.sql(dialect.insertIfAbsent("INSERT INTO group_members (group_id, user_id, added_at) VALUES (?, ?, ?)",
				"group_id", "user_id"))
			.params(groupId.toString(), userId.toString(), now.toEpochMilli())
			.update();
	}

	boolean removeMember(UUID groupId, UUID userId) {
		return jdbc.sql("DELETE FROM group_members WHERE group_id = ? AND user_id = ?")
			.params(groupId.toString(), userId.toString())
			.update() == 1;
	}

	private static Grant map(ResultSet rs, int row) throws SQLException {
		return new Grant(UUID.fromString(rs.getString(1)), UUID.fromString(rs.getString(2)), rs.getString(3),
				UUID.fromString(rs.getString(4)), rs.getString(5), UUID.fromString(rs.getString(6)),
				Grant.Permission.of(rs.getString(7)), instant(rs, 8));
	}

	private static Group mapGroup(ResultSet rs, int row) throws SQLException {
		return new Group(UUID.fromString(rs.getString(1)), rs.getString(2), instant(rs, 3));
	}

	public record Group(UUID id, String name, Instant createdAt) {
	}

}
