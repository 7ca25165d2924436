package dev.ferry.limits;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * The all-or-none counting both limiters share; they differ only in where a counter's
 * Bucket4j bucket lives.
 */
abstract class BucketLimiter implements Limiter {

	/** The bucket of {@code counter}, created full if there is none. */
	abstract Bucket bucket(Counter counter);

	@Override
	public Optional<Refusal> tryAcquire(List<Counter> counters) {
		List<Bucket> taken = new ArrayList<>();
		List<Counter> refused = new ArrayList<>();
		Duration wait = Duration.ZERO;
		for (Counter counter : counters) {
			Bucket bucket = bucket(counter);
			ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
			if (probe.isConsumed()) {
				taken.add(bucket);
			}
			else {
				refused.add(counter);
				Duration needed = Duration.ofNanos(probe.getNanosToWaitForRefill());
				wait = (needed.compareTo(wait) > 0) ? needed : wait;
			}
		}
		if (refused.isEmpty()) {
			return Optional.empty();
		}
		taken.forEach((bucket) -> bucket.addTokens(1));
		return Optional.of(new Refusal(refused, wait));
	}

	@Override
	public void refund(List<Counter> counters) {
		counters.forEach((counter) -> bucket(counter).addTokens(1));
	}

	@Override
	public Usage take(Counter counter, long amount) {
		ConsumptionProbe probe = bucket(counter).tryConsumeAndReturnRemaining(amount);
		return new Usage(probe.isConsumed(), probe.getRemainingTokens(),
				Duration.ofNanos(probe.isConsumed() ? 0 : probe.getNanosToWaitForRefill()));
	}

	/** One Bucket4j bandwidth per rate of {@code limit}, refilled evenly. */
	static List<Bandwidth> bandwidths(Limit limit) {
		return limit.rates()
			.stream()
			.map((rate) -> Bandwidth.builder()
				.capacity(rate.attempts())
				.refillGreedy(rate.attempts(), rate.window())
				.build())
			.toList();
	}

}
