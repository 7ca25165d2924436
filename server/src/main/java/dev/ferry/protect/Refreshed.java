package dev.ferry.protect;

import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * A value read from the database on every request's path, kept in memory and loaded again
 * every {@link #EVERY} so changes made on another node arrive. One caller reloads, its
 * time taken first, while the others go on with the value known: a slow or failing
 * database is asked once an interval, not by every request. A failed reload keeps the
 * value known; only the first load waits, and fails with it.
 */
final class Refreshed<T> {

	static final Duration EVERY = Duration.ofSeconds(10);

	private final UnaryOperator<T> load;

	private final ReentrantLock reloading = new ReentrantLock();

	private volatile T value;

	private volatile long loadedAt;

	/**
	 * {@code load} gets the value known (null the first time) and answers the fresh one.
	 */
	Refreshed(UnaryOperator<T> load) {
		this.load = load;
	}

	T get() {
		T known = value;
		if (known != null && System.nanoTime() - loadedAt < EVERY.toNanos()) {
			return known;
		}
		if (known != null && !reloading.tryLock()) {
			return known;
		}
		if (known == null) {
			reloading.lock();
		}
		try {
			if (value != known) {
				return value;
			}
			loadedAt = System.nanoTime();
			return reload(known);
		}
		catch (RuntimeException ex) {
			if (known == null) {
				throw ex;
			}
			return known;
		}
		finally {
			reloading.unlock();
		}
	}

	/**
	 * Makes a change in the table under the reload's lock and then reloads, so no reload
	 * running meanwhile can bring back what the change removed.
	 */
	<R> R change(Supplier<R> change) {
		reloading.lock();
		try {
			R result = change.get();
			reload(value);
			return result;
		}
		finally {
			reloading.unlock();
		}
	}

	private T reload(T known) {
		T fresh = load.apply(known);
		value = fresh;
		loadedAt = System.nanoTime();
		return fresh;
	}

}
