package dev.ferry.limits;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.ferry.testing.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LocalLimiterTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));

	private final LocalLimiter limiter = new LocalLimiter(clock);

	private final Limit perAddress = Limit.of("address", 5, Duration.ofMinutes(15));

	private final Limit perAccount = Limit.of("account", 3, Duration.ofMinutes(15)).backingOffTo(4, Duration.ofDays(1));

	@Test
	void anAttemptTakesFromEveryCounterOrFromNone() {
		for (int i = 0; i < 3; i++) {
			assertThat(limiter.tryAcquire(List.of(perAddress.on("10.0.0.1"), perAccount.on("a@x")))).isEmpty();
		}

		var refused = limiter.tryAcquire(List.of(perAddress.on("10.0.0.1"), perAccount.on("a@x")));

		assertThat(refused).hasValueSatisfying((refusal) -> {
			assertThat(refusal.includes(perAccount)).isTrue();
			assertThat(refusal.includes(perAddress)).isFalse();
			assertThat(refusal.retryAfter()).isEqualTo(Duration.ofMinutes(5));
		});
		assertThat(limiter.tryAcquire(List.of(perAddress.on("10.0.0.1"), perAddress.on("10.0.0.1")))).isEmpty();
		assertThat(limiter.tryAcquire(List.of(perAddress.on("10.0.0.1")))).as("the refused attempt took nothing")
			.isPresent();
	}

	@Test
	void takeReportsWhatIsLeftAndHowLongAnAmountNeeds() {
		Counter counter = Limit.of("bytes", 100_000, Duration.ofHours(1)).on("user:1");

		assertThat(limiter.take(counter, 60_000)).isEqualTo(new Usage(true, 40_000, Duration.ZERO));
		assertThat(limiter.take(counter, 60_000)).isEqualTo(new Usage(false, 40_000, Duration.ofMinutes(12)));
		clock.advance(Duration.ofMinutes(12));
		assertThat(limiter.take(counter, 60_000).granted()).isTrue();
	}

	@Test
	void refundsGiveBackAndResetFillsUp() {
		List<Counter> attempt = List.of(perAccount.on("b@x"));
		for (int i = 0; i < 3; i++) {
			limiter.tryAcquire(attempt);
		}
		limiter.refund(attempt);
		assertThat(limiter.tryAcquire(attempt)).isEmpty();
		assertThat(limiter.tryAcquire(attempt)).isPresent();

		limiter.reset(perAccount.on("b@x"));

		assertThat(limiter.tryAcquire(attempt)).isEmpty();
	}

	@Test
	void theLongerRateBacksOffOnceTheShortOneWasUsedUpRepeatedly() {
		List<Counter> attempt = List.of(perAccount.on("c@x"));
		for (int i = 0; i < 3; i++) {
			assertThat(limiter.tryAcquire(attempt)).isEmpty();
		}
		clock.advance(Duration.ofMinutes(5));
		assertThat(limiter.tryAcquire(attempt)).isEmpty();

		clock.advance(Duration.ofMinutes(15));

		assertThat(limiter.tryAcquire(attempt))
			.hasValueSatisfying((refusal) -> assertThat(refusal.retryAfter()).isGreaterThan(Duration.ofHours(1)));
	}

}
