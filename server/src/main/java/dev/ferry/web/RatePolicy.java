package dev.ferry.web;

import java.time.Duration;

import dev.ferry.limits.Counter;
import dev.ferry.limits.Limit;

/**
 * One named rate limit as clients see it in {@code RateLimit-Policy}: {@code quota} units
 * per {@code window}.
 */
record RatePolicy(String name, long quota, Duration window) {

	Limit limit() {
		return Limit.of("rate-" + name, quota, window);
	}

	Counter on(String key) {
		return limit().on(key);
	}

	/**
	 * Seconds until a counter with {@code remaining} units is full again (refilled
	 * evenly).
	 */
	long secondsUntilFull(long remaining) {
		long missing = Math.max(0, quota - remaining);
		return ceilSeconds(window.multipliedBy(missing).dividedBy(quota));
	}

	/** {@code "name";q=100;w=60}, a member of {@code RateLimit-Policy}. */
	String describe() {
		return "\"" + name + "\";q=" + quota + ";w=" + ceilSeconds(window);
	}

	static long ceilSeconds(Duration duration) {
		long seconds = duration.getSeconds();
		return (duration.getNano() > 0) ? seconds + 1 : seconds;
	}

}
