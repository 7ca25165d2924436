package dev.ferry.auth;

import java.time.Duration;
import java.time.Instant;

import dev.ferry.testing.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LocalLoginThrottleTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));

	private final LocalLoginThrottle throttle = new LocalLoginThrottle(
			new AuthProperties(3, 5, Duration.ofMinutes(15), Duration.ofDays(7)), clock);

	@Test
	void perAccountLimitLocksOnlyThatAccountFromThatAddress() {
		for (int i = 0; i < 3; i++) {
			assertThat(throttle.tryAcquire("10.0.0.1", "a@x")).isEmpty();
		}

		assertThat(throttle.tryAcquire("10.0.0.1", "a@x")).contains(Duration.ofMinutes(5));
		assertThat(throttle.tryAcquire("10.0.0.2", "a@x")).as("another address").isEmpty();
		assertThat(throttle.tryAcquire("10.0.0.1", "b@x")).as("another account").isEmpty();
	}

	@Test
	void perAddressLimitCoversEveryAccount() {
		for (int i = 0; i < 5; i++) {
			assertThat(throttle.tryAcquire("10.0.0.9", "user" + i + "@x")).isEmpty();
		}

		assertThat(throttle.tryAcquire("10.0.0.9", "fresh@x")).contains(Duration.ofMinutes(3));
		assertThat(throttle.tryAcquire("10.0.0.9", "fresh@x")).as("the refused attempt took nothing from the account")
			.contains(Duration.ofMinutes(3));
		clock.advance(Duration.ofMinutes(3));
		assertThat(throttle.tryAcquire("10.0.0.9", "fresh@x")).isEmpty();
	}

	@Test
	void successGivesTheAttemptBack() {
		for (int i = 0; i < 10; i++) {
			assertThat(throttle.tryAcquire("10.0.0.3", "ok@x")).isEmpty();
			throttle.succeeded("10.0.0.3", "ok@x");
		}
	}

	@Test
	void bucketsRefillEvenlyOverTheWindow() {
		for (int i = 0; i < 3; i++) {
			throttle.tryAcquire("10.0.0.4", "c@x");
		}
		clock.advance(Duration.ofMinutes(4));
		assertThat(throttle.tryAcquire("10.0.0.4", "c@x")).contains(Duration.ofMinutes(1));
		clock.advance(Duration.ofMinutes(1));
		assertThat(throttle.tryAcquire("10.0.0.4", "c@x")).isEmpty();
		assertThat(throttle.tryAcquire("10.0.0.4", "c@x")).isPresent();
	}

}
