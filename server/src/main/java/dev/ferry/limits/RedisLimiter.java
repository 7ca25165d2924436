package dev.ferry.limits;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConfigurationBuilder;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.proxy.ProxyManager;

/**
 * {@link Limiter} with Bucket4j buckets kept in Redis ({@code FERRY_REDIS_URL}), so every
 * node of a cluster takes from the same counters. Bucket4j updates a bucket with a
 * compare-and-swap, so two nodes taking the last token at once cannot both get it. Redis
 * drops a bucket once it would be full again.
 */
class RedisLimiter extends BucketLimiter {

	static final String KEY_PREFIX = "ferry:limit:";

	private final ProxyManager<String> buckets;

	RedisLimiter(ProxyManager<String> buckets) {
		this.buckets = buckets;
	}

	@Override
	public void reset(Counter counter) {
		buckets.removeProxy(KEY_PREFIX + counter.id());
	}

	@Override
	BucketProxy bucket(Counter counter) {
		return buckets.builder().build(KEY_PREFIX + counter.id(), () -> configuration(counter.limit()));
	}

	private static BucketConfiguration configuration(Limit limit) {
		ConfigurationBuilder builder = BucketConfiguration.builder();
		bandwidths(limit).forEach(builder::addLimit);
		return builder.build();
	}

}
