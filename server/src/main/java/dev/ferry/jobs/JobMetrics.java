package dev.ferry.jobs;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Queue depth per task for {@code /metrics}: {@code ferry_jobs_due} (executions whose
 * time has come and that no node runs yet) and {@code ferry_jobs_scheduled} (all
 * executions, due, running or later), read with one query at most once a second however
 * often they are scraped; and {@code ferry_jobs_gave_up_total}, one-time executions
 * dropped after their last attempt. Runs and failures come from db-scheduler's
 * {@code dbscheduler_task_completions_total}.
 */
class JobMetrics {

	private static final Logger log = LoggerFactory.getLogger(JobMetrics.class);

	private static final Duration FRESH = Duration.ofSeconds(1);

	/**
	 * How long a failed reading stands: each try waits for the pool's connection timeout,
	 * and a scrape reads every gauge, so a database that is away must be asked once per
	 * scrape at most, not once per gauge.
	 */
	private static final Duration FAILED = Duration.ofSeconds(10);

	private static final String QUEUE = "SELECT task_name, COUNT(*), "
			+ "SUM(CASE WHEN picked = ? AND execution_time <= ? THEN 1 ELSE 0 END) FROM scheduled_tasks "
			+ "GROUP BY task_name";

	private final MeterRegistry registry;

	private final JobDatabase database;

	private Map<String, long[]> queue = Map.of();

	private Instant nextRead = Instant.EPOCH;

	JobMetrics(MeterRegistry registry, JobDatabase database) {
		this.registry = registry;
		this.database = database;
	}

	void register(String task) {
		Gauge.builder("ferry.jobs.due", () -> queue().getOrDefault(task, new long[2])[1])
			.description("Executions that are due and not yet running")
			.tag("task", task)
			.register(registry);
		Gauge.builder("ferry.jobs.scheduled", () -> queue().getOrDefault(task, new long[2])[0])
			.description("Executions queued: due, running or later")
			.tag("task", task)
			.register(registry);
		gaveUpCounter(task);
	}

	void gaveUp(String task) {
		gaveUpCounter(task).increment();
	}

	private Counter gaveUpCounter(String task) {
		return Counter.builder("ferry.jobs.gave.up")
			.description("One-time executions dropped after their last failed attempt")
			.tag("task", task)
			.register(registry);
	}

	private synchronized Map<String, long[]> queue() {
		Instant now = Instant.now();
		if (nextRead.isAfter(now)) {
			return queue;
		}
		Map<String, long[]> counts = new HashMap<>();
		try (Connection connection = database.dataSource().getConnection();
				PreparedStatement statement = connection.prepareStatement(QUEUE)) {
			statement.setBoolean(1, false);
			database.customization().setInstant(statement, 2, now);
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					counts.put(rows.getString(1), new long[] { rows.getLong(2), rows.getLong(3) });
				}
			}
			queue = counts;
			nextRead = now.plus(FRESH);
		}
		catch (SQLException ex) {
			nextRead = Instant.now().plus(FAILED);
			log.debug("Could not read the job queue for metrics", ex);
		}
		return queue;
	}

}
