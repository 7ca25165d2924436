package dev.ferry.scan;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import dev.ferry.files.FileScans;
import dev.ferry.files.FileScans.ScanJob;
import dev.ferry.files.ScanStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Scans pending files in the background, so an upload's response never waits for clamd.
 * The plaintext streams from the encrypted store straight into clamd's socket. A failed
 * attempt (clamd down, a read error) is retried with doubling delays; after
 * {@code maxAttempts} the {@code unavailable} policy decides: hold keeps retrying every
 * {@link #MAX_DELAY}, allow settles the file as {@code error}.
 */
@Component
class ScanWorker {

	private static final Logger log = LoggerFactory.getLogger(ScanWorker.class);

	private static final int BATCH = 20;

	private static final Duration MAX_DELAY = Duration.ofMinutes(10);

	private final FileScans files;

	private final ScanProperties properties;

	private final ClamdClient clamd;

	private final Clock clock;

	private final InfectionNotices notices;

	ScanWorker(FileScans files, ScanProperties properties, Clock clock, InfectionNotices notices) {
		this.notices = notices;
		this.files = files;
		this.properties = properties;
		this.clamd = properties.configured() ? new ClamdClient(properties.clamd(), properties.timeout()) : null;
		this.clock = clock;
	}

	public void run() {
		if (clamd == null) {
			int skipped = files.skipPending();
			if (skipped > 0) {
				log.info("No scanner configured: {} files waiting for a scan are marked skipped", skipped);
			}
			return;
		}
		for (ScanJob job : files.due(clock.instant(), BATCH)) {
			scan(job);
		}
	}

	private void scan(ScanJob job) {
		ClamdClient.Verdict verdict;
		try (InputStream content = files.open(job)) {
			verdict = clamd.scan(content);
		}
		catch (IOException | UncheckedIOException ex) {
			failed(job, ex);
			return;
		}
		if (verdict.infected()) {
			log.warn("File {} of {} is infected: {}", job.fileId(), job.ownerId(), verdict.signature());
			files.settle(job, ScanStatus.INFECTED, verdict.signature());
			notices.infected(job, verdict.signature());
		}
		else {
			files.settle(job, ScanStatus.CLEAN, null);
		}
	}

	private void failed(ScanJob job, Exception ex) {
		int attempts = job.attempts() + 1;
		if (attempts >= properties.maxAttempts() && properties.unavailable() == ScanProperties.Unavailable.ALLOW) {
			log.warn("Could not scan file {} after {} attempts, serving it unscanned: {}", job.fileId(), attempts,
					ex.getMessage());
			files.settle(job, ScanStatus.ERROR, null);
			return;
		}
		Instant next = clock.instant().plus(delay(attempts));
		log.warn("Could not scan file {} (attempt {}), trying again at {}: {}", job.fileId(), attempts, next,
				ex.getMessage());
		files.retryAt(job, next);
	}

	private Duration delay(int attempts) {
		Duration delay = properties.interval().multipliedBy(1L << Math.min(attempts, 20));
		return (delay.compareTo(MAX_DELAY) > 0) ? MAX_DELAY : delay;
	}

}
