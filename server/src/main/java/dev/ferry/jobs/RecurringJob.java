package dev.ferry.jobs;

import java.time.Duration;

/**
 * Work that repeats {@code interval} after the previous run ended, on one node of the
 * cluster at a time. A failed run is logged and counted; the next one comes on schedule.
 *
 * @param name the task name in {@code scheduled_tasks} and in metrics
 * @param interval the pause between the end of one run and the start of the next
 * @param work what to do; it must be idempotent, since a run a dead node left half done
 * is run again
 */
public record RecurringJob(String name, Duration interval, Runnable work) {

	public static RecurringJob every(Duration interval, String name, Runnable work) {
		return new RecurringJob(name, interval, work);
	}

}
