package dev.ferry.jobs;

import java.time.Duration;
import java.time.Instant;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;

/**
 * A fixed pause after each run, also before the first: db-scheduler's {@code FixedDelay}
 * runs a new task at once, while the jobs it replaced waited one interval after the first
 * start.
 */
record AfterEachRun(Duration interval) implements Schedule {

	@Override
	public Instant getNextExecutionTime(ExecutionComplete executionComplete) {
		return executionComplete.getTimeDone().plus(interval);
	}

	@Override
	public Instant getInitialExecutionTime(Instant now) {
		return now.plus(interval);
	}

	@Override
	public boolean isDeterministic() {
		return false;
	}

}
