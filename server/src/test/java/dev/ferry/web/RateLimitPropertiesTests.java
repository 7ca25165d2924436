package dev.ferry.web;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * An allowance the rate limiter cannot count (more than one unit per nanosecond: 100 GB
 * of uploads a minute) used to make every upload a 500; the start is refused instead.
 */
class RateLimitPropertiesTests {

	@Test
	void anAllowanceAboveOnePerNanosecondIsRefusedAtStart() {
		assertThatIllegalArgumentException().isThrownBy(() -> uploadBytesPerMinute(DataSize.ofGigabytes(100)))
			.withMessageContaining("FERRY_RATE_WINDOW")
			.withMessageContaining("more than one per nanosecond");
	}

	@Test
	void aLargeAllowanceTheLimiterCanCountIsAccepted() {
		assertThatNoException().isThrownBy(() -> uploadBytesPerMinute(DataSize.ofGigabytes(50)));
	}

	private static RateLimitProperties uploadBytesPerMinute(DataSize bytes) {
		return new RateLimitProperties(Duration.ofMinutes(1), 3000, 1200, 1200, bytes, 600, 1200, 1200);
	}

}
