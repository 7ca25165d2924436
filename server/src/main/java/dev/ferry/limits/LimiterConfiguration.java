package dev.ferry.limits;

import java.time.Clock;
import java.time.Duration;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Picks the {@link Limiter}: Redis-backed when {@code FERRY_REDIS_URL} is set (a
 * cluster), else in this node's memory.
 */
@Configuration(proxyBeanMethods = false)
class LimiterConfiguration {

	/** Redis keeps a bucket this much longer than it needs to refill, for clock skew. */
	private static final Duration KEEP_EXTRA = Duration.ofMinutes(1);

	/** A Redis that hangs fails the request after this, instead of holding it. */
	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	@Bean
	Limiter limiter(RedisProperties redis, RedisConnections connections, Clock clock) {
		if (!redis.enabled()) {
			return new LocalLimiter(clock);
		}
		StatefulRedisConnection<String, byte[]> connection = connections
			.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
		return new RedisLimiter(Bucket4jLettuce.casBasedBuilder(connection)
			.expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_EXTRA))
			.clientClock(new ClockTimeMeter(clock))
			.requestTimeout(TIMEOUT)
			.build());
	}

}
