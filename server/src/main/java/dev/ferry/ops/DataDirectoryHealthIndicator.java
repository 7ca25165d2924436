package dev.ferry.ops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

import dev.ferry.CachedProbe;
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

	private final Path probe;

	/**
	 * Reused for two seconds; one probe at a time, as the probe file has a fixed name.
	 */
	private final CachedProbe cached = new CachedProbe(Duration.ofSeconds(2), this::probe);

	DataDirectoryHealthIndicator(DataDirectory dataDirectory) {
		this.probe = dataDirectory.path().resolve(PROBE_FILE);
	}

	@Override
	public Health health() {
		return cached.health();
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
