package dev.ferry.limits;

import java.time.Clock;

import io.github.bucket4j.TimeMeter;

/** Bucket4j time from the application clock, so tests that move it move the buckets. */
record ClockTimeMeter(Clock clock) implements TimeMeter {

	@Override
	public long currentTimeNanos() {
		return clock.millis() * 1_000_000;
	}

	@Override
	public boolean isWallClockBased() {
		return true;
	}

}
