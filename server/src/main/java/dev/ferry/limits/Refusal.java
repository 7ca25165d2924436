package dev.ferry.limits;

import java.time.Duration;
import java.util.List;

/**
 * Why an attempt was refused: the counters that had nothing left, and the longest wait.
 */
public record Refusal(List<Counter> counters, Duration retryAfter) {

	public Refusal {
		counters = List.copyOf(counters);
	}

	/** Whether {@code limit} is among the exhausted counters. */
	public boolean includes(Limit limit) {
		return counters.stream().anyMatch((counter) -> counter.limit().name().equals(limit.name()));
	}

}
