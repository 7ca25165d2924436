package dev.ferry.jobs;

import java.util.UUID;

import javax.sql.DataSource;

import dev.ferry.SqlDialect;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Starts this node's {@link JobRunner} once the application is up and stops it first on
 * shutdown, while the database is still there. The jobs are looked up only at start: they
 * depend on services that queue jobs themselves.
 */
@Component
class JobScheduler implements SmartLifecycle {

	private final JobDatabase database;

	private final JobsProperties properties;

	private final String node;

	private final ObjectProvider<RecurringJob> recurring;

	private final ObjectProvider<OneTimeJob> oneTime;

	private final MeterRegistry registry;

	private volatile JobRunner runner;

	JobScheduler(DataSource dataSource, SqlDialect dialect, JobsProperties properties,
			@Value("${ferry.node-name:}") String node, ObjectProvider<RecurringJob> recurring,
			ObjectProvider<OneTimeJob> oneTime, MeterRegistry registry) {
		this.database = JobDatabase.of(dataSource, dialect);
		this.properties = properties;
		// picked_by tells operators which node runs an execution; several nodes may share
		// a host name.
		this.node = node.isBlank() ? "ferry-" + UUID.randomUUID().toString().substring(0, 8) : node;
		this.recurring = recurring;
		this.oneTime = oneTime;
		this.registry = registry;
	}

	JobDatabase database() {
		return database;
	}

	@Override
	public void start() {
		JobRunner started = new JobRunner(database, properties, node, recurring.orderedStream().toList(),
				oneTime.orderedStream().toList(), registry);
		started.start();
		runner = started;
	}

	@Override
	public void stop() {
		JobRunner running = runner;
		runner = null;
		if (running != null) {
			running.stop();
		}
	}

	@Override
	public boolean isRunning() {
		return runner != null;
	}

	void wakeUp() {
		JobRunner running = runner;
		if (running != null) {
			running.wakeUp();
		}
	}

}
