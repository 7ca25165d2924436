package dev.ferry.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read-only counts over the trail for the admin dashboard, so other modules never read
 * the {@code audit_log} table themselves. Callers check that the caller is an admin. Days
 * are UTC days numbered from the epoch: {@code occurred_at / 86400000} is integer
 * division on SQLite and PostgreSQL alike.
 */
@Component
public class ActivityCounts {

	public static final long DAY_MILLIS = 86_400_000L;

	private static final int FETCH_SIZE = 1000;

	private final JdbcClient jdbc;

	public ActivityCounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Events of {@code actions} in [from, until), counted per day, action and outcome.
	 */
	public List<DayCount> perDay(Set<String> actions, Instant from, Instant until) {
		return jdbc
			.sql("SELECT occurred_at / " + DAY_MILLIS + ", action, outcome, COUNT(*) FROM audit_log "
					+ "WHERE occurred_at >= ? AND occurred_at < ? AND action IN (" + placeholders(actions.size()) + ") "
					+ "GROUP BY occurred_at / " + DAY_MILLIS + ", action, outcome")
			.params(params(from, until, actions))
			.query((rs, i) -> new DayCount(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
			.list();
	}

	/**
	 * Streams the successful events of {@code actions} in [from, until) with their JSON
	 * details, for the figures that only the details carry. A year of uploads and
	 * downloads is many rows: PostgreSQL's and MariaDB's drivers read a whole result into
	 * memory unless a fetch size is set, and PostgreSQL's cursor needs a transaction.
	 */
	@Transactional(readOnly = true)
	public void successes(Set<String> actions, Instant from, Instant until, Consumer<Detailed> each) {
		jdbc.sql("SELECT occurred_at, action, details FROM audit_log "
				+ "WHERE occurred_at >= ? AND occurred_at < ? AND outcome = 'success' AND action IN ("
				+ placeholders(actions.size()) + ")")
			.withFetchSize(FETCH_SIZE)
			.params(params(from, until, actions))
			.query((rs) -> {
				each.accept(new Detailed(rs.getLong(1) / DAY_MILLIS, rs.getString(2), rs.getString(3)));
			});
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

	public record DayCount(long day, String action, String outcome, long count) {
	}

	public record Detailed(long day, String action, String details) {
	}

}
