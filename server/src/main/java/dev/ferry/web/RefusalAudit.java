package dev.ferry.web;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Scheduler;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.audit.AuditOrigin;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The audit records of requests the defender refuses. A banned address that keeps sending
 * would otherwise write one record per request, each under the audit chain's lock, which
 * every audited request of the cluster waits for: the flood it was banned for would go on
 * through the trail. So per address and {@link #WINDOW}, the first refusal is recorded as
 * it happens (with its path) and the rest as one record with their count
 * ({@code repeated}) when the window closes, or when the node stops. Every refused
 * request is still in the trail, as a count.
 */
@Component
class RefusalAudit implements DisposableBean {

	static final Duration WINDOW = Duration.ofMinutes(1);

	static final String ACTION = "defender.refused";

	private final AuditLog audit;

	/** Per address, the refusals after the first in the current window. */
	private final Cache<String, AtomicLong> repeats;

	@Autowired
	RefusalAudit(AuditLog audit) {
		this(audit, Ticker.systemTicker(), ForkJoinPool.commonPool(), Scheduler.systemScheduler());
	}

	RefusalAudit(AuditLog audit, Ticker ticker, Executor executor, Scheduler scheduler) {
		this.audit = audit;
		this.repeats = Caffeine.newBuilder()
			.expireAfterWrite(WINDOW)
			.maximumSize(100_000)
			.ticker(ticker)
			.executor(executor)
			.scheduler(scheduler)
			.<String, AtomicLong>removalListener((address, count, cause) -> {
				if (cause != RemovalCause.EXPLICIT && address != null && count != null) {
					recordRepeats(address, count.get());
				}
			})
			.build();
	}

	/** Audits one refused request of {@code address} (the current request's client). */
	void refused(String address, String path) {
		AtomicLong fresh = new AtomicLong();
		AtomicLong count = repeats.get(address, (first) -> fresh);
		if (count == fresh) {
			audit.record(AuditEvent.denied(ACTION).detail("path", path));
		}
		else {
			count.incrementAndGet();
		}
	}

	/** Records the counts of the windows still open, so a stop loses none. */
	@Override
	public void destroy() {
		Map<String, AtomicLong> open = Map.copyOf(repeats.asMap());
		repeats.invalidateAll();
		open.forEach((address, count) -> recordRepeats(address, count.get()));
	}

	/** For tests: closes the windows that are due now. */
	void closeDueWindows() {
		repeats.cleanUp();
	}

	private void recordRepeats(String address, long count) {
		if (count == 0) {
			return;
		}
		// Off the request threads: the trail's client is the address refused.
		AuditOrigin.during(address, null, () -> {
			audit.record(
					AuditEvent.denied(ACTION).detail("repeated", count).detail("window_seconds", WINDOW.toSeconds()));
			return null;
		});
	}

}
