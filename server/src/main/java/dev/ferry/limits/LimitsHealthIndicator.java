package dev.ferry.limits;

import java.time.Duration;

import io.lettuce.core.RedisException;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Readiness of the limits ({@code limits} in {@code /health/ready}). Counted in this
 * node's memory they are always there; with {@code FERRY_REDIS_URL} a node without its
 * Redis refuses every request that counts a limit (sign-ins, public links, rate-limited
 * API calls), so it should leave the load balancer until Redis answers a PING again.
 */
@Component
class LimitsHealthIndicator implements HealthIndicator {

	private static final Logger log = LoggerFactory.getLogger(LimitsHealthIndicator.class);

	/** A probe that waits longer than a load balancer's would tell it nothing. */
	private static final Duration TIMEOUT = Duration.ofSeconds(2);

	private final StatefulRedisConnection<String, String> redis;

	/** Probes come every second or so: only a change is logged. */
	private volatile boolean answered = true;

	LimitsHealthIndicator(RedisProperties properties, RedisConnections connections) {
		this.redis = properties.enabled() ? connections.connect(StringCodec.UTF8) : null;
		if (redis != null) {
			redis.setTimeout(TIMEOUT);
		}
	}

	@Override
	public Health health() {
		if (redis == null) {
			return Health.up().withDetail("store", "memory").build();
		}
		try {
			redis.sync().ping();
			if (!answered) {
				log.info("Redis answers again");
				answered = true;
			}
			return Health.up().withDetail("store", "redis").build();
		}
		catch (RedisException ex) {
			if (answered) {
				log.warn("Redis does not answer: {}", ex.toString());
				answered = false;
			}
			return Health.down().withDetail("store", "redis").withDetail("error", "Redis does not answer").build();
		}
	}

}
