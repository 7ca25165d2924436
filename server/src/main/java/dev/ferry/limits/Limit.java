package dev.ferry.limits;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A named allowance: every rate must have a token left. A second, longer rate is the
 * back-off: once the short one has been used up a few times, the long one makes the wait
 * grow from minutes to hours.
 */
public record Limit(String name, List<Rate> rates) {

	public Limit {
		if (name == null || name.isBlank() || rates.isEmpty()) {
			throw new IllegalArgumentException("A limit needs a name and at least one rate");
		}
		rates = List.copyOf(rates);
	}

	public static Limit of(String name, long attempts, Duration window) {
		return new Limit(name, List.of(new Rate(attempts, window)));
	}

	/** This limit with a further, slower rate on top. */
	public Limit backingOffTo(long attempts, Duration window) {
		List<Rate> more = new ArrayList<>(rates);
		more.add(new Rate(attempts, window));
		return new Limit(name, more);
	}

	/** The counter of this limit for {@code key}. */
	public Counter on(String key) {
		return new Counter(this, key);
	}

	/** How long an untouched counter needs to be full again. */
	public Duration longestWindow() {
		return rates.stream().map(Rate::window).max(Duration::compareTo).orElseThrow();
	}

	/**
	 * {@code attempts} per {@code window}, refilled evenly, so a client that used them up
	 * gets one more every {@code window / attempts} rather than a burst when the window
	 * ends.
	 */
	public record Rate(long attempts, Duration window) {

		public Rate {
			if (attempts < 1 || window.isNegative() || window.isZero()) {
				throw new IllegalArgumentException("A rate needs at least one attempt in a positive window");
			}
		}

	}

}
