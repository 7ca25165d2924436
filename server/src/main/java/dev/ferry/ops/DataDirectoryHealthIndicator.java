package dev.ferry.ops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Readiness of the data directory: a node that cannot write there (disk full, read-only
 * remount, wrong owner) cannot accept uploads, so it should leave the load balancer. The
 * probe really writes, syncs and deletes a file; checking permission bits would miss all
 * of these.
 */
@Component
class DataDirectoryHealthIndicator implements HealthIndicator {

	static final String PROBE_FILE = ".ready-probe";

	private static final Logger log = LoggerFactory.getLogger(DataDirectoryHealthIndicator.class);

	private static final byte[] CONTENT = "ferry readiness probe\n".getBytes(StandardCharsets.US_ASCII);

	/**
	 * The endpoint is anonymous: a flood of probes must not become a flood of synced
	 * writes queued behind one another, so an answer is reused this long.
	 */
	private static final Duration FRESH = Duration.ofSeconds(2);

	private final Path probe;

	private Health last;

	private long checkedAt;

	DataDirectoryHealthIndicator(DataDirectory dataDirectory) {
		this.probe = dataDirectory.path().resolve(PROBE_FILE);
	}

	/**
	 * Answers the last probe while it is fresh; callers meanwhile wait for one probe (the
	 * probe file has a fixed name, so two must not interleave anyway).
	 */
	@Override
	public synchronized Health health() {
		long now = System.nanoTime();
		if (last == null || now - checkedAt >= FRESH.toNanos()) {
			last = probe();
			checkedAt = now;
		}
		return last;
	}

	private Health probe() {
		try {
			Files.write(probe, CONTENT, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
					StandardOpenOption.WRITE, StandardOpenOption.DSYNC);
			Files.delete(probe);
			return Health.up().build();
		}
		catch (IOException ex) {
			log.warn("Data directory is not writable: cannot write {} ({})", probe, ex.toString());
			return Health.down().build();
		}
	}

}
