package dev.ferry.limits;

import java.time.Clock;
import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.local.LocalBucketBuilder;

/**
 * {@link Limiter} with Bucket4j buckets in a bounded in-memory cache. A bucket is dropped
 * once unused for its limit's longest window, by which time it would be full again. The
 * limiter of a single node; {@link RedisLimiter} is the one of a cluster.
 */
class LocalLimiter extends BucketLimiter {

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
	public void reset(Counter counter) {
		buckets.invalidate(counter.id());
	}

	@Override
	Bucket bucket(Counter counter) {
		return buckets
			.get(counter.id(), (id) -> new Tracked(newBucket(counter.limit()), counter.limit().longestWindow()))
			.bucket();
	}

	private Bucket newBucket(Limit limit) {
		LocalBucketBuilder builder = Bucket.builder().withCustomTimePrecision(time);
		bandwidths(limit).forEach(builder::addLimit);
		return builder.build();
	}

	private record Tracked(Bucket bucket, Duration idle) {
	}

}
