package dev.ferry.auth;

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
 * {@link LoginThrottle} with Bucket4j buckets in a bounded in-memory cache. Buckets
 * refill evenly (greedily) over the window, so a locked-out client gets one more attempt
 * every {@code window / attempts} rather than a burst when the window ends.
 */
@Component
class LocalLoginThrottle implements LoginThrottle {

	private static final long MAX_TRACKED = 100_000;

	private final Cache<String, Bucket> buckets;

	private final Bandwidth perAccount;

	private final Bandwidth perIp;

	private final TimeMeter time;

	LocalLoginThrottle(AuthProperties properties, Clock clock) {
		this.perAccount = limit(properties.loginAttempts(), properties.loginWindow());
		this.perIp = limit(properties.loginAttemptsPerIp(), properties.loginWindow());
		this.time = new ClockTimeMeter(clock);
		this.buckets = Caffeine.newBuilder()
			.expireAfterAccess(properties.loginWindow())
			.maximumSize(MAX_TRACKED)
			.build();
	}

	@Override
	public Optional<Duration> tryAcquire(String ip, String email) {
		Bucket account = accountBucket(ip, email);
		ConsumptionProbe forAccount = account.tryConsumeAndReturnRemaining(1);
		if (!forAccount.isConsumed()) {
			return Optional.of(Duration.ofNanos(forAccount.getNanosToWaitForRefill()));
		}
		ConsumptionProbe forIp = ipBucket(ip).tryConsumeAndReturnRemaining(1);
		if (!forIp.isConsumed()) {
			account.addTokens(1);
			return Optional.of(Duration.ofNanos(forIp.getNanosToWaitForRefill()));
		}
		return Optional.empty();
	}

	@Override
	public void succeeded(String ip, String email) {
		accountBucket(ip, email).addTokens(1);
		ipBucket(ip).addTokens(1);
	}

	private Bucket accountBucket(String ip, String email) {
		return buckets.get("account\u0000" + ip + "\u0000" + email, (key) -> bucket(perAccount));
	}

	private Bucket ipBucket(String ip) {
		return buckets.get("ip\u0000" + ip, (key) -> bucket(perIp));
	}

	private Bucket bucket(Bandwidth limit) {
		return Bucket.builder().addLimit(limit).withCustomTimePrecision(time).build();
	}

	private static Bandwidth limit(int attempts, Duration window) {
		return Bandwidth.builder().capacity(attempts).refillGreedy(attempts, window).build();
	}

	private record ClockTimeMeter(Clock clock) implements TimeMeter {

		@Override
		public long currentTimeNanos() {
			return clock.millis() * 1_000_000;
		}

		@Override
		public boolean isWallClockBased() {
			return true;
		}

	}

}
