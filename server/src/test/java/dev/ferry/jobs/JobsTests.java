package dev.ferry.jobs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import dev.ferry.testing.Databases;
import dev.ferry.testing.Databases.Vendor;
import dev.ferry.testing.EveryVendor;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * db-scheduler on each vendor's real database, as two nodes (two runners on one
 * database): a recurring job runs one run at a time across both, and a failing one-time
 * job is retried with doubling delays, then dropped, reported to its job and counted in
 * the metrics.
 */
class JobsTests extends EveryVendor {

	private static final JobsProperties FAST = new JobsProperties(Duration.ofMillis(50), 2, Duration.ofSeconds(1),
			Duration.ofSeconds(5));

	@ParameterizedTest
	@MethodSource("databases")
	void aRecurringJobRunsOncePerScheduleAcrossTwoNodes(Vendor vendor) {
		Databases.Fresh db = database(vendor);
		String name = "probe-" + UUID.randomUUID().toString().substring(0, 8);
		AtomicInteger running = new AtomicInteger();
		AtomicInteger overlaps = new AtomicInteger();
		List<String> runs = new CopyOnWriteArrayList<>();
		List<JobRunner> nodes = new ArrayList<>();
		try {
			for (String node : List.of("node-a", "node-b")) {
				RecurringJob job = RecurringJob.every(Duration.ofMillis(100), name, () -> {
					if (running.incrementAndGet() > 1) {
						overlaps.incrementAndGet();
					}
					runs.add(node);
					awaitClaimVisible(db, name, node);
					running.decrementAndGet();
				});
				JobRunner runner = new JobRunner(JobDatabase.of(db.dataSource(), db.dialect()), FAST, node,
						List.of(job), List.of(), new SimpleMeterRegistry());
				runner.start();
				nodes.add(runner);
			}
			await().atMost(Duration.ofSeconds(30)).until(() -> runs.size() >= 8);
		}
		finally {
			nodes.forEach(JobRunner::stop);
		}
		assertThat(overlaps).as("runs of one schedule on both nodes at once").hasValue(0);
		assertThat(db.jdbc()
			.sql("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = ?")
			.param(name)
			.query(Long.class)
			.single()).as("one execution row for both nodes").isOne();
	}

	@ParameterizedTest
	@MethodSource("databases")
	void aFailingOneTimeJobIsRetriedWithBackoffThenGivenUp(Vendor vendor) {
		Databases.Fresh db = database(vendor);
		String name = "failing-" + UUID.randomUUID().toString().substring(0, 8);
		Map<String, Integer> attempts = new ConcurrentHashMap<>();
		List<String> gaveUp = new CopyOnWriteArrayList<>();
		OneTimeJob job = new OneTimeJob(name, new OneTimeJob.Retry(3, Duration.ofMillis(400), Duration.ofMinutes(1)),
				(id) -> {
					attempts.merge(id, 1, Integer::sum);
					throw new IllegalStateException("the far end is down");
				}, gaveUp::add);
		JobDatabase database = JobDatabase.of(db.dataSource(), db.dialect());
		MeterRegistry metrics = new SimpleMeterRegistry();
		JobRunner runner = new JobRunner(database, FAST, "node-a", List.of(), List.of(job), metrics);
		runner.start();
		try {
			new QueuedJobs(database, runner::wakeUp).enqueue(name, "item-1");
			new QueuedJobs(database, runner::wakeUp).enqueue(name, "item-1");

			assertThat(awaitRetryDelay(db, name, 1)).isEqualTo(Duration.ofMillis(400));
			assertThat(awaitRetryDelay(db, name, 2)).isEqualTo(Duration.ofMillis(800));
			await().atMost(Duration.ofSeconds(30)).until(() -> !gaveUp.isEmpty());
		}
		finally {
			runner.stop();
		}
		assertThat(attempts).containsExactly(Map.entry("item-1", 3));
		assertThat(gaveUp).containsExactly("item-1");
		assertThat(count(db, name)).as("the dropped execution").isZero();
		assertThat(metrics.get("dbscheduler_task_completions").tags("task", name, "result", "failed").counter().count())
			.isEqualTo(3);
		assertThat(metrics.get("ferry.jobs.gave.up").tags("task", name).counter().count()).isEqualTo(1);
		assertThat(metrics.get("ferry.jobs.scheduled").tags("task", name).gauge().value()).isZero();
	}

	@ParameterizedTest
	@MethodSource("databases")
	void queueDepthIsInTheMetrics(Vendor vendor) {
		Databases.Fresh db = database(vendor);
		String name = "queued-" + UUID.randomUUID().toString().substring(0, 8);
		OneTimeJob job = new OneTimeJob(name, new OneTimeJob.Retry(1, Duration.ofSeconds(1), Duration.ofSeconds(1)),
				(id) -> {
				}, (id) -> {
				});
		JobDatabase database = JobDatabase.of(db.dataSource(), db.dialect());
		MeterRegistry metrics = new SimpleMeterRegistry();
		// Not started: the queued executions stay due.
		new JobRunner(database, FAST, "node-a", List.of(), List.of(job), metrics);
		QueuedJobs jobs = new QueuedJobs(database, () -> {
		});
		jobs.enqueue(name, "a");
		jobs.enqueue(name, "b");

		assertThat(metrics.get("ferry.jobs.due").tags("task", name).gauge().value()).isEqualTo(2);
		assertThat(metrics.get("ferry.jobs.scheduled").tags("task", name).gauge().value()).isEqualTo(2);
	}

	/**
	 * Waits for the {@code failures}-th failure and answers how far after it the retry is
	 * scheduled, as stored in the database.
	 */
	private static Duration awaitRetryDelay(Databases.Fresh db, String name, int failures) {
		await().atMost(Duration.ofSeconds(30))
			.until(() -> db.jdbc()
				.sql("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = ? AND consecutive_failures = ? "
						+ "AND picked = ?")
				.params(name, failures, false)
				.query(Long.class)
				.single() == 1);
		JobDatabase database = JobDatabase.of(db.dataSource(), db.dialect());
		return db.jdbc()
			.sql("SELECT execution_time, last_failure FROM scheduled_tasks WHERE task_name = ?")
			.param(name)
			.query((rs, row) -> Duration.between(database.customization().getInstant(rs, "last_failure"),
					database.customization().getInstant(rs, "execution_time")))
			.single();
	}

	private static long count(Databases.Fresh db, String name) {
		return db.jdbc()
			.sql("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = ?")
			.param(name)
			.query(Long.class)
			.single();
	}

	/**
	 * Holds the run until its claim is committed where the other node looks for due work,
	 * so a second node that ran the same schedule anyway would overlap this run.
	 */
	private static void awaitClaimVisible(Databases.Fresh db, String name, String node) {
		await().atMost(Duration.ofSeconds(10))
			.until(() -> db.jdbc()
				.sql("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = ? AND picked_by = ?")
				.params(name, node)
				.query(Long.class)
				.single() == 1);
	}

}
