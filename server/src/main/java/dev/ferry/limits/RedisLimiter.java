package dev.ferry.limits;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.BucketExceptions;
import io.github.bucket4j.ConfigurationBuilder;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.lettuce.core.RedisException;

/**
 * {@link Limiter} with Bucket4j buckets kept in Redis ({@code FERRY_REDIS_URL}), so every
 * node of a cluster takes from the same counters. Bucket4j updates a bucket with a
 * compare-and-swap, so two nodes taking the last token at once cannot both get it. Redis
 * drops a bucket once it would be full again. While Redis is away every call fails at
 * once with {@link LimitsUnavailableException}.
 */
class RedisLimiter extends BucketLimiter {

	static final String KEY_PREFIX = "ferry:limit:";

	private final ProxyManager<String> buckets;

	RedisLimiter(ProxyManager<String> buckets) {
		this.buckets = buckets;
	}

	@Override
	public Optional<Refusal> tryAcquire(List<Counter> counters) {
		return reachingRedis(() -> super.tryAcquire(counters));
	}

	@Override
	public void refund(List<Counter> counters) {
		reachingRedis(() -> {
			super.refund(counters);
			return counters;
		});
	}

	@Override
	public Usage take(Counter counter, long amount) {
		return reachingRedis(() -> super.take(counter, amount));
	}

	@Override
	public void reset(Counter counter) {
		reachingRedis(() -> {
			buckets.removeProxy(KEY_PREFIX + counter.id());
			return counter;
		});
	}

	@Override
	BucketProxy bucket(Counter counter) {
		return buckets.builder().build(KEY_PREFIX + counter.id(), () -> configuration(counter.limit()));
	}

	/**
	 * Lettuce reports a lost connection or a timeout as a {@link RedisException},
	 * Bucket4j its own request timeout and the failures of the commands it waits for as a
	 * {@link BucketExceptions.BucketExecutionException}.
	 */
	private static <T> T reachingRedis(Supplier<T> call) {
		try {
			return call.get();
		}
		catch (RedisException | BucketExceptions.BucketExecutionException ex) {
			throw new LimitsUnavailableException(ex);
		}
	}

	private static BucketConfiguration configuration(Limit limit) {
		ConfigurationBuilder builder = BucketConfiguration.builder();
		bandwidths(limit).forEach(builder::addLimit);
		return builder.build();
	}

}
