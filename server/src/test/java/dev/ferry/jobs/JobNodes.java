package dev.ferry.jobs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.ferry.testing.Databases;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Nodes for tests of other modules' one-time jobs: one {@link JobRunner} per node on one
 * real database, each running its own copy of the jobs, polling often; work queued
 * through {@link #jobs()} wakes every node, so they race for it.
 */
public final class JobNodes implements AutoCloseable {

	private static final JobsProperties FAST = new JobsProperties(Duration.ofMillis(50), 2, Duration.ofSeconds(1),
			Duration.ofSeconds(5));

	private final List<JobRunner> runners = new ArrayList<>();

	private final Jobs jobs;

	private JobNodes(Databases.Fresh db, List<List<OneTimeJob>> nodes) {
		JobDatabase database = JobDatabase.of(db.dataSource(), db.dialect());
		for (int i = 0; i < nodes.size(); i++) {
			runners.add(new JobRunner(database, FAST, "node-" + (i + 1), List.of(), nodes.get(i),
					new SimpleMeterRegistry()));
		}
		this.jobs = new QueuedJobs(database, () -> runners.forEach(JobRunner::wakeUp));
	}

	/** Starts one node per entry, running that entry's jobs. */
	public static JobNodes start(Databases.Fresh db, List<List<OneTimeJob>> nodes) {
		JobNodes started = new JobNodes(db, nodes);
		started.runners.forEach(JobRunner::start);
		return started;
	}

	public Jobs jobs() {
		return jobs;
	}

	@Override
	public void close() {
		runners.forEach(JobRunner::stop);
	}

}
