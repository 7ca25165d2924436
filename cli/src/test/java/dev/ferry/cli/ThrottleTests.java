package dev.ferry.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ThrottleTests {

	/** {@code --limit-rate} keeps limiting past 9.2 GB, where bytes × 10⁹ overflows. */
	@Test
	void theTimeDueKeepsGrowingWithTheBytesOfAHugeFile() {
		Throttle fiveMegabytes = new Throttle(5_000_000);

		assertThat(fiveMegabytes.dueAfter(5_000_000)).isEqualTo(1_000_000_000L);
		assertThat(fiveMegabytes.dueAfter(2_500_000)).isEqualTo(500_000_000L);
		assertThat(fiveMegabytes.dueAfter(10_000_000_000L)).isEqualTo(2_000_000_000_000L);
		assertThat(fiveMegabytes.dueAfter(10_000_000_001L)).isGreaterThan(fiveMegabytes.dueAfter(10_000_000_000L));
	}

}
