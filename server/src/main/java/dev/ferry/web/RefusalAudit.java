package dev.ferry.web;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.audit.AuditOrigin;
import dev.ferry.limits.ClientAddress;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The audit records of requests the defender refuses. A banned address that keeps sending
 * would otherwise write one record per request, each under the audit chain's lock, which
 * every audited request of the cluster waits for: the flood it was banned for would go on
 * through the trail. So per banned unit (an address, an IPv6 /64, as the defender bans)
 * and {@link #WINDOW}, the first refusal is recorded as it happens (with its path) and
 * the rest as one record with their count ({@code repeated}) once the window is over: at
 * the unit's next refusal, at the sweep a minute later, or when the node stops. Every
 * refused request is still in the trail, as a count.
 */
@Component
class RefusalAudit implements DisposableBean {

	static final Duration WINDOW = Duration.ofMinutes(1);

	static final String ACTION = "defender.refused";

	/** Beyond this many open windows, refusals are recorded one by one again. */
	private static final int MAX_WINDOWS = 100_000;

	private final AuditLog audit;

	private final LongSupplier nanos;

	private final Map<String, Window> windows = new ConcurrentHashMap<>();

	private final ScheduledExecutorService sweeper;

	@Autowired
	RefusalAudit(AuditLog audit) {
		this(audit, System::nanoTime, Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "refusal-audit");
			thread.setDaemon(true);
			return thread;
		}));
	}

	RefusalAudit(AuditLog audit, LongSupplier nanos, ScheduledExecutorService sweeper) {
		this.audit = audit;
		this.nanos = nanos;
		this.sweeper = sweeper;
		if (sweeper != null) {
			sweeper.scheduleWithFixedDelay(this::closeDueWindows, WINDOW.toSeconds(), WINDOW.toSeconds(),
					TimeUnit.SECONDS);
		}
	}

	/** Audits one refused request of {@code address}, the current request's client. */
	void refused(String address, String path) {
		String unit = ClientAddress.key(address);
		long now = nanos.getAsLong();
		Window[] ended = new Window[1];
		boolean[] first = new boolean[1];
		if (windows.size() >= MAX_WINDOWS && !windows.containsKey(unit)) {
			record(address, path);
			return;
		}
		windows.compute(unit, (key, open) -> {
			if (open != null && !open.over(now)) {
				open.repeats++;
				return open;
			}
			ended[0] = open;
			first[0] = true;
			return new Window(address, now);
		});
		if (ended[0] != null) {
			recordRepeats(ended[0]);
		}
		if (first[0]) {
			record(address, path);
		}
	}

	/** Records the counts of the windows that are over (the sweeper's work). */
	void closeDueWindows() {
		long now = nanos.getAsLong();
		for (String unit : windows.keySet()) {
			Window[] ended = new Window[1];
			windows.computeIfPresent(unit, (key, open) -> {
				if (!open.over(now)) {
					return open;
				}
				ended[0] = open;
				return null;
			});
			if (ended[0] != null) {
				recordRepeats(ended[0]);
			}
		}
	}

	/** Records the counts of the windows still open, so a stop loses none. */
	@Override
	public void destroy() {
		if (sweeper != null) {
			sweeper.shutdownNow();
		}
		for (String unit : windows.keySet()) {
			Window open = windows.remove(unit);
			if (open != null) {
				recordRepeats(open);
			}
		}
	}

	private void record(String address, String path) {
		// The filter runs before the request's context is set up: the client by name.
		AuditOrigin.during(address, null, () -> {
			audit.record(AuditEvent.denied(ACTION).detail("path", path));
			return null;
		});
	}

	private void recordRepeats(Window window) {
		if (window.repeats == 0) {
			return;
		}
		AuditOrigin.during(window.address, null, () -> {
			audit.record(AuditEvent.denied(ACTION)
				.detail("repeated", window.repeats)
				.detail("window_seconds", WINDOW.toSeconds()));
			return null;
		});
	}

	/**
	 * One unit's refusals after the first since {@code start}; changed only inside the
	 * map's compute, which holds the entry's lock.
	 */
	private static final class Window {

		private final String address;

		private final long start;

		private long repeats;

		Window(String address, long start) {
			this.address = address;
			this.start = start;
		}

		boolean over(long now) {
			return now - start >= WINDOW.toNanos();
		}

	}

}
