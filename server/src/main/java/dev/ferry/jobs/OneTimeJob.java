package dev.ferry.jobs;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * Work queued per item with {@link Jobs#enqueue}, kept in the database until it succeeds,
 * so it survives a restart. When {@code work} throws, it is tried again after
 * {@code retryDelay}, doubled per failure up to {@code maxDelay}; after
 * {@code maxAttempts} failures the execution is dropped and {@code gaveUp} is told.
 *
 * @param name the task name in {@code scheduled_tasks} and in metrics
 * @param work runs with the item's id
 * @param gaveUp runs with the item's id once the last attempt failed
 */
public record OneTimeJob(String name, Retry retry, Consumer<String> work, Consumer<String> gaveUp) {

	/** How often and how far apart a failed item is tried again. */
	public record Retry(int maxAttempts, Duration retryDelay, Duration maxDelay) {

		/** The pause after the {@code failures}-th consecutive failure. */
		public Duration delayAfter(int failures) {
			Duration delay = retryDelay.multipliedBy(1L << Math.min(Math.max(failures - 1, 0), 20));
			return (delay.compareTo(maxDelay) > 0) ? maxDelay : delay;
		}

	}

}
