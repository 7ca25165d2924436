package dev.ferry.limits;

import java.util.List;
import java.util.Optional;

/**
 * Counts attempts against limits. {@link LocalLimiter} keeps the counters in this node's
 * memory; an implementation over a shared store (Bucket4j's Redis proxy manager) makes
 * them hold across nodes without changing callers.
 */
public interface Limiter {

	/**
	 * Takes one attempt from every counter, or from none: empty when allowed, else the
	 * counters that had nothing left. Call it before checking a secret, so parallel
	 * guesses cannot slip past the limit.
	 */
	Optional<Refusal> tryAcquire(List<Counter> counters);

	/**
	 * Gives the attempts back, for a check that turned out right: only failures count.
	 */
	void refund(List<Counter> counters);

	/**
	 * Takes {@code amount} (requests, bytes...) from one counter if it has that much,
	 * else nothing: what is left afterwards, or how long until {@code amount} would be
	 * there. Request rate limits and byte allowances use it, because they report what is
	 * left.
	 */
	Usage take(Counter counter, long amount);

	/** Fills a counter up again (an administrator lifting a lockout). */
	void reset(Counter counter);

}
