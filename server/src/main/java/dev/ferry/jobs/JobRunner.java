package dev.ferry.jobs;

import java.util.ArrayList;
import java.util.List;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.stats.MicrometerStatsRegistry;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * One node's db-scheduler over the jobs it knows. Every node polls with fetch-then-claim
 * (a conditional update on the row's version), the strategy that works on all three
 * databases, and runs what it claimed.
 */
final class JobRunner {

	private final Scheduler scheduler;

	JobRunner(JobDatabase database, JobsProperties properties, String node, List<RecurringJob> recurring,
			List<OneTimeJob> oneTime, MeterRegistry registry) {
		JobMetrics metrics = new JobMetrics(registry, database);
		List<RecurringTask<Void>> startTasks = new ArrayList<>();
		for (RecurringJob job : recurring) {
			startTasks.add(Tasks.recurring(job.name(), new AfterEachRun(job.interval()))
				.execute((instance, context) -> job.work().run()));
		}
		List<Task<?>> oneTimeTasks = new ArrayList<>();
		for (OneTimeJob job : oneTime) {
			oneTimeTasks.add(Tasks.oneTime(job.name())
				.onFailure(new RetryWithBackoff(job, metrics))
				.execute((instance, context) -> job.work().accept(instance.getId())));
		}
		List<Task<?>> known = new ArrayList<>(oneTimeTasks);
		known.addAll(startTasks);
		known.forEach((task) -> metrics.register(task.getName()));
		this.scheduler = Scheduler.create(database.dataSource(), oneTimeTasks)
			.startTasks(startTasks)
			.jdbcCustomization(database.customization())
			.pollingInterval(properties.pollInterval())
			.threads(properties.threads())
			.heartbeatInterval(properties.heartbeatInterval())
			.missedHeartbeatsLimit(4)
			.shutdownMaxWait(properties.shutdownWait())
			.schedulerName(new SchedulerName.Fixed(node))
			.statsRegistry(new MicrometerStatsRegistry(registry, known))
			.enableImmediateExecution()
			.build();
	}

	void start() {
		scheduler.start();
	}

	void stop() {
		scheduler.stop();
	}

	/** Looks for due executions now instead of at the next poll. */
	void wakeUp() {
		scheduler.triggerCheckForDueExecutions();
	}

}
