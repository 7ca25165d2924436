package dev.ferry;

import java.time.Duration;
import java.util.function.Supplier;

import org.springframework.boot.health.contributor.Health;

/**
 * A readiness probe that really writes somewhere, answered from its last result while
 * that is fresh: health endpoints are anonymous and asked every second or so, and a flood
 * of requests must not become a flood of writes. Callers meanwhile wait for the one
 * probe.
 */
public final class CachedProbe {

	private final Duration fresh;

	private final Supplier<Health> probe;

	private Health last;

	private long checkedAt;

	public CachedProbe(Duration fresh, Supplier<Health> probe) {
		this.fresh = fresh;
		this.probe = probe;
	}

	public synchronized Health health() {
		long now = System.nanoTime();
		if (last == null || now - checkedAt >= fresh.toNanos()) {
			last = probe.get();
			checkedAt = now;
		}
		return last;
	}

}
