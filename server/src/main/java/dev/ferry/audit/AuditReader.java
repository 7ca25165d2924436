package dev.ferry.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.ferry.SqlDialect;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the audit trail a page at a time (keyset pagination on {@code seq}), so neither a
 * listing, an export nor a verification ever holds more than one page in memory.
 */
@Repository
class AuditReader {

	private static final String COLUMNS = "seq, id, occurred_at, actor_type, actor_id, actor_label, action, "
			+ "object_type, object_id, outcome, ip, user_agent, request_id, details, prev_hash, hash";

	private final JdbcClient jdbc;

	private final SqlDialect dialect;

	AuditReader(JdbcClient jdbc, SqlDialect dialect) {
		this.jdbc = jdbc;
		this.dialect = dialect;
	}

	/** The seq of the newest record, 0 when the trail is empty. */
	long lastSeq() {
		return jdbc.sql("SELECT COALESCE(MAX(seq), 0) FROM audit_log").query(Long.class).single();
	}

	/**
	 * Records matching {@code filter} with a seq below {@code beforeSeq}, newest first.
	 */
	List<AuditRecord> newestFirst(AuditFilter filter, long beforeSeq, int limit) {
		Where where = Where.of(filter);
		where.params.add(beforeSeq);
		where.params.add(limit);
		return jdbc
			.sql("SELECT " + COLUMNS + " FROM audit_log WHERE " + where.sql() + " AND seq < ? ORDER BY seq DESC"
					+ " LIMIT ?")
			.params(where.params)
			.query(AuditReader::map)
			.list();
	}

	/**
	 * Records matching {@code filter} with afterSeq &lt; seq &le; untilSeq, oldest first.
	 */
	List<AuditRecord> oldestFirst(AuditFilter filter, long afterSeq, long untilSeq, int limit) {
		Where where = Where.of(filter);
		where.params.add(afterSeq);
		where.params.add(untilSeq);
		where.params.add(limit);
		return jdbc
			.sql("SELECT " + COLUMNS + " FROM audit_log WHERE " + where.sql()
					+ " AND seq > ? AND seq <= ? ORDER BY seq LIMIT ?")
			.params(where.params)
			.query(AuditReader::map)
			.list();
	}

	/**
	 * Records after {@code afterSeq} done by the account, about it, or naming its id or
	 * email (as actor label or anywhere in the details: a value of its own, or inside a
	 * message), oldest first. Rows whose details only contain the email inside a longer
	 * address ({@code joann@x.test} for {@code ann@x.test}) come along too; the caller
	 * tells them apart. The email is matched in any case: PostgreSQL's LIKE is
	 * case-sensitive, and an identity provider may write {@code Ann.Smith@Contoso.com}.
	 */
	List<AuditRecord> mentioning(String userId, String email, long afterSeq, int limit) {
		return jdbc
			.sql("SELECT " + COLUMNS + " FROM audit_log WHERE seq > ? AND (actor_id = ? OR (object_type = 'user'"
					+ " AND object_id = ?) OR LOWER(actor_label) = LOWER(?) OR LOWER(details) LIKE ? ESCAPE '!'"
					+ " OR details LIKE ? ESCAPE '!') ORDER BY seq LIMIT ?" + dialect.latestCommitted())
			.params(afterSeq, userId, userId, email, "%" + Where.escapeLike(email.toLowerCase(Locale.ROOT)) + "%",
					"%" + Where.escapeLike(userId) + "%", limit)
			.query(AuditReader::map)
			.list();
	}

	private static AuditRecord map(ResultSet rs, int row) throws SQLException {
		return new AuditRecord(rs.getLong("seq"), rs.getString("id"), rs.getLong("occurred_at"),
				rs.getString("actor_type"), rs.getString("actor_id"), rs.getString("actor_label"),
				rs.getString("action"), rs.getString("object_type"), rs.getString("object_id"), rs.getString("outcome"),
				rs.getString("ip"), rs.getString("user_agent"), rs.getString("request_id"), rs.getString("details"),
				rs.getString("prev_hash"), rs.getString("hash"));
	}

	/**
	 * The WHERE clause of a filter: fixed SQL fragments, every value a bind parameter.
	 */
	private static final class Where {

		private final StringBuilder sql = new StringBuilder("1 = 1");

		private final List<Object> params = new ArrayList<>();

		static Where of(AuditFilter filter) {
			Where where = new Where();
			if (filter.from() != null) {
				where.and("occurred_at >= ?", filter.from().toEpochMilli());
			}
			if (filter.to() != null) {
				where.and("occurred_at < ?", filter.to().toEpochMilli());
			}
			where.andIfSet("actor_id = ?", filter.actorId());
			if (filter.actionPrefix()) {
				where.and("action LIKE ? ESCAPE '!'", escapeLike(filter.action()) + "%");
			}
			else {
				where.andIfSet("action = ?", filter.action());
			}
			where.andIfSet("object_id = ?", filter.objectId());
			where.andIfSet("object_type = ?", filter.objectType());
			where.andIfSet("outcome = ?", filter.outcome());
			return where;
		}

		private void andIfSet(String condition, Object value) {
			if (value != null) {
				and(condition, value);
			}
		}

		private void and(String condition, Object value) {
			sql.append(" AND ").append(condition);
			params.add(value);
		}

		private String sql() {
			return sql.toString();
		}

		private static String escapeLike(String text) {
			return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
		}

	}

}
