package dev.ferry.upload;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * One request at a time per upload on this node, with a bounded wait. A browser that
 * reloads mid-PATCH asks for the offset (HEAD) at once, often before the server has
 * noticed that the old PATCH's connection closed and stored the bytes it brought: without
 * the wait it is told the offset before them and sends them again, only for its PATCH to
 * lose the blob store's compare-and-set at the end. With it, the HEAD is answered once
 * the old PATCH has stored its part, as tusd does with its upload locks.
 * <p>
 * The wait is bounded because a writer whose client vanished without closing the
 * connection holds on until the connection times out: after {@link #MAX_WAIT} a request
 * goes ahead without its turn, as it did before these locks, and the blob store's
 * compare-and-set still lets only one of two writers commit. Locks are per node: behind a
 * load balancer without sticky sessions, that compare-and-set is what remains.
 */
@Component
class UploadLocks {

	static final Duration MAX_WAIT = Duration.ofSeconds(5);

	// Weak values: a lock lives while a request holds or waits for it, so the map needs
	// no cleaning.
	private final Cache<UUID, Lock> locks = Caffeine.newBuilder().weakValues().build();

	private final AtomicInteger waiting = new AtomicInteger();

	private final Duration maxWait;

	@Autowired
	UploadLocks(MeterRegistry registry) {
		this(registry, MAX_WAIT);
	}

	UploadLocks(MeterRegistry registry, Duration maxWait) {
		this.maxWait = maxWait;
		Gauge.builder("ferry.uploads.waiting", waiting, AtomicInteger::get)
			.description("tus requests waiting on this node for another request of the same upload")
			.register(registry);
	}

	/**
	 * Waits up to the bound for the upload's turn; the caller must close what it gets (in
	 * the same thread), turn or not.
	 */
	Turn await(UUID uploadId) {
		Lock lock = locks.get(uploadId, (id) -> new ReentrantLock());
		if (lock.tryLock()) {
			return lock::unlock;
		}
		waiting.incrementAndGet();
		try {
			return lock.tryLock(maxWait.toNanos(), TimeUnit.NANOSECONDS) ? lock::unlock : Turn.NONE;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Turn.NONE;
		}
		finally {
			waiting.decrementAndGet();
		}
	}

	/** Held while a request reads or writes its upload; closing gives it up. */
	@FunctionalInterface
	interface Turn extends AutoCloseable {

		Turn NONE = () -> {
		};

		@Override
		void close();

	}

}
