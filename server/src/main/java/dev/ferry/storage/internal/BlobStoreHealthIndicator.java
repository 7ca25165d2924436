package dev.ferry.storage.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import dev.ferry.CachedProbe;
import dev.ferry.storage.spi.BlobStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Readiness of the blob store (the directory in {@code FERRY_STORAGE_DIR}, often a shared
 * volume, or the S3 bucket): a node that cannot store there cannot accept an upload, so
 * it should leave the load balancer. The probe really writes and deletes a small object
 * under {@code health/}, outside the {@code parts/} the cleanup walks; a full, read-only
 * or stale volume and a bucket gone or refusing the credentials all fail it.
 */
@Component
class BlobStoreHealthIndicator implements HealthIndicator {

	private static final Logger log = LoggerFactory.getLogger(BlobStoreHealthIndicator.class);

	private static final byte[] CONTENT = "ferry readiness probe\n".getBytes(StandardCharsets.US_ASCII);

	private final BlobStore store;

	/** One object per process, overwritten by each probe: a failed delete leaves one. */
	private final String key = "health/ready-" + UUID.randomUUID();

	/** Load balancers ask every second or so; the store is written at most every 10 s. */
	private final CachedProbe cached = new CachedProbe(Duration.ofSeconds(10), this::probe);

	BlobStoreHealthIndicator(BlobStore store) {
		this.store = store;
	}

	@Override
	public Health health() {
		return cached.health();
	}

	private Health probe() {
		try {
			store.put(key, new ByteArrayInputStream(CONTENT));
			store.delete(key, false);
			return Health.up().build();
		}
		catch (IOException | RuntimeException ex) {
			log.warn("The blob store cannot be written: {}", ex.toString());
			return Health.down().build();
		}
	}

}
