package dev.ferry.admin;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Read-only reporting queries over the tables other modules own (users, files, transfers,
 * audit_log). Days are UTC days numbered from the epoch: {@code occurred_at / 86400000}
 * is integer division on SQLite and PostgreSQL alike.
 */
@Repository
class StatsRepository {

	static final long DAY_MILLIS = 86_400_000L;

	private final JdbcClient jdbc;

	StatsRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Number of accounts per status name ({@code ACTIVE}, {@code SUSPENDED}). */
	Map<String, Long> usersByStatus() {
		Map<String, Long> counts = new HashMap<>();
		jdbc.sql("SELECT status, COUNT(*) FROM users GROUP BY status").query((rs) -> {
			counts.put(rs.getString(1), rs.getLong(2));
		});
		return counts;
	}

	FileTotals fileTotals() {
		return jdbc.sql("SELECT COUNT(*), COALESCE(SUM(size), 0) FROM files")
			.query((rs, i) -> new FileTotals(rs.getLong(1), rs.getLong(2)))
			.single();
	}

	long activeTransfers(Instant now) {
		return jdbc.sql("SELECT COUNT(*) FROM transfers WHERE status = 'active' AND expires_at > ?")
			.param(now.toEpochMilli())
			.query(Long.class)
			.single();
	}

	/**
	 * Audit events of {@code actions} in [from, until), counted per day, action and
	 * outcome.
	 */
	List<DayCount> countsPerDay(Set<String> actions, Instant from, Instant until) {
		return jdbc
			.sql("SELECT occurred_at / " + DAY_MILLIS + ", action, outcome, COUNT(*) FROM audit_log "
					+ "WHERE occurred_at >= ? AND occurred_at < ? AND action IN (" + placeholders(actions.size()) + ") "
					+ "GROUP BY occurred_at / " + DAY_MILLIS + ", action, outcome")
			.params(params(from, until, actions))
			.query((rs, i) -> new DayCount(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
			.list();
	}

	/**
	 * Streams the successful audit events of {@code actions} in [from, until) with their
	 * JSON details, for the byte counts that only the details carry.
	 */
	void successes(Set<String> actions, Instant from, Instant until, Consumer<Detailed> each) {
		jdbc.sql("SELECT occurred_at, action, details FROM audit_log "
				+ "WHERE occurred_at >= ? AND occurred_at < ? AND outcome = 'success' AND action IN ("
				+ placeholders(actions.size()) + ")")
			.params(params(from, until, actions))
			.query((rs) -> {
				each.accept(new Detailed(rs.getLong(1) / DAY_MILLIS, rs.getString(2), rs.getString(3)));
			});
	}

	/** Accounts ordered by the bytes their files use, largest first. */
	List<UserUsage> storageByUser(int limit) {
		return jdbc.sql("""
				SELECT u.id, u.email, u.name, u.role, u.quota_bytes, COALESCE(SUM(f.size), 0) AS used, COUNT(f.id)
				FROM users u LEFT JOIN files f ON f.owner_id = u.id
				GROUP BY u.id, u.email, u.name, u.role, u.quota_bytes
				ORDER BY used DESC, u.email
				LIMIT ?""")
			.param(limit)
			.query((rs, i) -> new UserUsage(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					nullableLong(rs, 5), rs.getLong(6), rs.getLong(7)))
			.list();
	}

	private static Long nullableLong(ResultSet rs, int column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

	private static String placeholders(int count) {
		return String.join(", ", Collections.nCopies(count, "?"));
	}

	private static List<Object> params(Instant from, Instant until, Set<String> actions) {
		List<Object> params = new ArrayList<>();
		params.add(from.toEpochMilli());
		params.add(until.toEpochMilli());
		params.addAll(actions.stream().sorted().toList());
		return params;
	}

	record FileTotals(long files, long bytes) {
	}

	record DayCount(long day, String action, String outcome, long count) {
	}

	record Detailed(long day, String action, String details) {
	}

	record UserUsage(String id, String email, String name, String role, Long ownQuota, long bytes, long files) {
	}

}
