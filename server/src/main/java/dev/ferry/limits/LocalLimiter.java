package dev.ferry.limits;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.local.LocalBucketBuilder;

/**
 * {@link Limiter} with Bucket4j buckets in a bounded in-memory cache. A bucket is dropped
 * once unused for its limit's longest window, by which time it would be full again. The
 * limiter of a single node; {@link RedisLimiter} is the one of a cluster.
 */
class LocalLimiter implements Limiter {

	private static final long MAX_TRACKED = 200_000;

	private final Cache<String, Tracked> buckets;

	private final TimeMeter time;

	LocalLimiter(Clock clock) {
		this.time = new ClockTimeMeter(clock);
		this.buckets = Caffeine.newBuilder()
			.expireAfter(Expiry.accessing((String key, Tracked tracked) -> tracked.idle()))
			.maximumSize(MAX_TRACKED)
			.build();
	}

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
	public void reset(Counter counter) {
		buckets.invalidate(counter.id());
	}

	private Bucket bucket(Counter counter) {
		return buckets
			.get(counter.id(), (id) -> new Tracked(newBucket(counter.limit()), counter.limit().longestWindow()))
			.bucket();
	}

	private Bucket newBucket(Limit limit) {
		LocalBucketBuilder builder = Bucket.builder().withCustomTimePrecision(time);
		for (Limit.Rate rate : limit.rates()) {
			builder.addLimit(
					Bandwidth.builder().capacity(rate.attempts()).refillGreedy(rate.attempts(), rate.window()).build());
		}
		return builder.build();
	}

	private record Tracked(Bucket bucket, Duration idle) {
	}

}
