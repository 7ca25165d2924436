package dev.ferry.limits;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.ferry.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two limiters standing for two nodes, each with its own connection to the real Redis of
 * {@code bin/test-services} ({@code FERRY_TEST_REDIS_URL}; without it the test fails, it
 * never skips): what one takes, the other sees.
 */
class RedisLimiterTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));

	private final RedisConnections firstConnections = new RedisConnections(properties());

	private final RedisConnections secondConnections = new RedisConnections(properties());

	private final Limiter first = new LimiterConfiguration().limiter(properties(), firstConnections, clock);

	private final Limiter second = new LimiterConfiguration().limiter(properties(), secondConnections, clock);

	private final String run = UUID.randomUUID().toString();

	private final Limit perAddress = Limit.of("address-" + run, 5, Duration.ofMinutes(15));

	private final Limit perAccount = Limit.of("account-" + run, 3, Duration.ofMinutes(15))
		.backingOffTo(4, Duration.ofDays(1));

	@AfterEach
	void disconnect() {
		firstConnections.destroy();
		secondConnections.destroy();
	}

	@Test
	void theNodesTakeFromTheSameCountersAllOrNone() {
		assertThat(first).isInstanceOf(RedisLimiter.class);
		List<Counter> attempt = List.of(perAddress.on("10.0.0.1"), perAccount.on("a@x"));
		assertThat(first.tryAcquire(attempt)).isEmpty();
		assertThat(second.tryAcquire(attempt)).isEmpty();
		assertThat(first.tryAcquire(attempt)).isEmpty();

		var refused = second.tryAcquire(attempt);

		assertThat(refused).hasValueSatisfying((refusal) -> {
			assertThat(refusal.includes(perAccount)).isTrue();
			assertThat(refusal.includes(perAddress)).isFalse();
			assertThat(refusal.retryAfter()).isEqualTo(Duration.ofMinutes(5));
		});
		assertThat(first.tryAcquire(List.of(perAddress.on("10.0.0.1"), perAddress.on("10.0.0.1")))).isEmpty();
		assertThat(second.tryAcquire(List.of(perAddress.on("10.0.0.1")))).as("the refused attempt took nothing")
			.isPresent();
	}

	@Test
	void rateLimitsAndByteAllowancesTakeAmountsFromTheSharedCounter() {
		Limit bytes = Limit.of("bytes-" + run, 100_000, Duration.ofHours(1));
		Counter counter = bytes.on("user:1");

		Usage taken = first.take(counter, 60_000);
		Usage refused = second.take(counter, 60_000);

		assertThat(taken.granted()).isTrue();
		assertThat(taken.remaining()).isEqualTo(40_000);
		assertThat(refused.granted()).isFalse();
		assertThat(refused.remaining()).isEqualTo(40_000);
		assertThat(refused.retryAfter()).as("20,000 bytes at 100,000 an hour").isEqualTo(Duration.ofMinutes(12));
		assertThat(second.take(counter, 40_000).remaining()).isZero();
	}

	@Test
	void aRefundOrResetOnOneNodeCountsOnTheOther() {
		List<Counter> attempt = List.of(perAccount.on("b@x"));
		for (int i = 0; i < 3; i++) {
			first.tryAcquire(attempt);
		}
		second.refund(attempt);
		assertThat(first.tryAcquire(attempt)).isEmpty();
		assertThat(first.tryAcquire(attempt)).isPresent();

		second.reset(perAccount.on("b@x"));

		assertThat(first.tryAcquire(attempt)).isEmpty();
	}

	@Test
	void theLongerRateBacksOffAcrossNodes() {
		List<Counter> attempt = List.of(perAccount.on("c@x"));
		for (int i = 0; i < 3; i++) {
			assertThat(((i % 2 == 0) ? first : second).tryAcquire(attempt)).isEmpty();
		}
		clock.advance(Duration.ofMinutes(5));
		assertThat(second.tryAcquire(attempt)).isEmpty();

		clock.advance(Duration.ofMinutes(15));

		assertThat(first.tryAcquire(attempt))
			.hasValueSatisfying((refusal) -> assertThat(refusal.retryAfter()).isGreaterThan(Duration.ofHours(1)));
	}

	@Test
	void parallelAttemptsOnBothNodesNeverTakeMoreThanTheAllowance() throws Exception {
		Limit tight = Limit.of("tight-" + run, 10, Duration.ofHours(1));
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(16);
		try {
			List<Future<Boolean>> results = new ArrayList<>();
			for (int i = 0; i < 40; i++) {
				Limiter node = (i % 2 == 0) ? first : second;
				results.add(pool.submit(() -> {
					start.await();
					return node.tryAcquire(List.of(tight.on("key"))).isEmpty();
				}));
			}
			start.countDown();
			int granted = 0;
			for (Future<Boolean> result : results) {
				granted += result.get() ? 1 : 0;
			}
			assertThat(granted).isEqualTo(10);
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static RedisProperties properties() {
		String url = System.getenv("FERRY_TEST_REDIS_URL");
		if (url == null || url.isBlank()) {
			throw new IllegalStateException("FERRY_TEST_REDIS_URL is not set: this test needs the real Redis that "
					+ "bin/test starts. Run bin/test, or eval \"$(bin/test-services)\" before mvn.");
		}
		return new RedisProperties(url);
	}

}
