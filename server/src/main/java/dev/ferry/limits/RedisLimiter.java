package dev.ferry.limits;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConfigurationBuilder;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.proxy.ProxyManager;

/**
 * {@link Limiter} with Bucket4j buckets kept in Redis ({@code FERRY_REDIS_URL}), so every
 * node of a cluster takes from the same counters. Bucket4j updates a bucket with a
 * compare-and-swap, so two nodes taking the last token at once cannot both get it. Redis
 * drops a bucket once it would be full again.
 */
class RedisLimiter implements Limiter {

	static final String KEY_PREFIX = "ferry:limit:";

	private final ProxyManager<String> buckets;

	RedisLimiter(ProxyManager<String> buckets) {
		this.buckets = buckets;
	}

	@Override
	public Optional<Refusal> tryAcquire(List<Counter> counters) {
		List<BucketProxy> taken = new ArrayList<>();
		List<Counter> refused = new ArrayList<>();
		Duration wait = Duration.ZERO;
		for (Counter counter : counters) {
			BucketProxy bucket = bucket(counter);
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
	public void reset(Counter counter) {
		buckets.removeProxy(KEY_PREFIX + counter.id());
	}

	private BucketProxy bucket(Counter counter) {
		return buckets.builder().build(KEY_PREFIX + counter.id(), () -> configuration(counter.limit()));
	}

	private static BucketConfiguration configuration(Limit limit) {
		ConfigurationBuilder builder = BucketConfiguration.builder();
		for (Limit.Rate rate : limit.rates()) {
			builder.addLimit(
					Bandwidth.builder().capacity(rate.attempts()).refillGreedy(rate.attempts(), rate.window()).build());
		}
		return builder.build();
	}

}
