package dev.ferry.share;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;

import org.springframework.stereotype.Component;

/**
 * Limits failed secrets per (link, client IP): {@code unlockAttempts} per
 * {@code unlockWindow}, refilled evenly. Bucket4j buckets in a bounded in-process cache;
 * only failures take tokens, so a visitor who knows the password is never slowed down.
 */
@Component
class AttemptThrottle {

	private static final long MAX_TRACKED = 100_000;

	private final Cache<String, Bucket> buckets;

	private final Bandwidth limit;

	private final TimeMeter time;

	AttemptThrottle(ShareProperties properties, Clock clock) {
		this.limit = Bandwidth.builder()
			.capacity(properties.unlockAttempts())
			.refillGreedy(properties.unlockAttempts(), properties.unlockWindow())
			.build();
		this.time = new TimeMeter() {

			@Override
			public long currentTimeNanos() {
				return clock.millis() * 1_000_000;
			}

			@Override
			public boolean isWallClockBased() {
				return true;
			}

		};
		this.buckets = Caffeine.newBuilder()
			.expireAfterAccess(properties.unlockWindow())
			.maximumSize(MAX_TRACKED)
			.build();
	}

	/**
	 * Takes one attempt before the secret is checked, so parallel guesses cannot slip
	 * past the limit; empty if allowed, else how long to wait.
	 */
	Optional<Duration> tryAcquire(String key) {
		ConsumptionProbe probe = bucket(key).tryConsumeAndReturnRemaining(1);
		return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
	}

	/** The secret was right: the attempt is given back. */
	void succeeded(String key) {
		bucket(key).addTokens(1);
	}

	private Bucket bucket(String key) {
		return buckets.get(key, (k) -> Bucket.builder().addLimit(limit).withCustomTimePrecision(time).build());
	}

}
