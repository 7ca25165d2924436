package dev.ferry.scan;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Optional;
import java.util.UUID;

import dev.ferry.files.FileScans;
import dev.ferry.files.FileScans.ScanJob;
import dev.ferry.files.ScanStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Scans one pending file's content as an execution of the {@code scan} job, so an
 * upload's response never waits for clamd. The plaintext streams from the encrypted store
 * straight into clamd's socket. A failed attempt (clamd down, a read error) is counted
 * and thrown, so the job tries again with doubling delays; when the job gives up (only
 * under {@code allow}) the file is settled as {@code error}. A node without a scanner
 * fails each attempt the same way.
 */
@Component
class ScanWorker {

	private static final Logger log = LoggerFactory.getLogger(ScanWorker.class);

	private final FileScans files;

	private final ClamdClient clamd;

	private final InfectionNotices notices;

	ScanWorker(FileScans files, ScanProperties properties, InfectionNotices notices) {
		this.notices = notices;
		this.files = files;
		this.clamd = properties.configured() ? new ClamdClient(properties.clamd(), properties.timeout()) : null;
	}

	void scan(String id) {
		Optional<ScanJob> pending = pending(id);
		if (pending.isEmpty()) {
			return;
		}
		ScanJob job = pending.get();
		if (clamd == null) {
			// Another node, or this one before a restart, had a scanner: a node without
			// one never lets a file through unscanned, it fails the attempt like a
			// scanner that is down, and FERRY_SCAN_UNAVAILABLE decides.
			files.attemptFailed(job);
			log.warn("Could not scan file {} (attempt {}): no scanner configured on this node", job.fileId(),
					job.attempts() + 1);
			throw new NotScanned(job.fileId());
		}
		ClamdClient.Verdict verdict;
		try (InputStream content = files.open(job)) {
			verdict = clamd.scan(content);
		}
		catch (IOException | UncheckedIOException | UnresolvedAddressException ex) {
			files.attemptFailed(job);
			log.warn("Could not scan file {} (attempt {}): {}", job.fileId(), job.attempts() + 1, ex.getMessage());
			throw new NotScanned(job.fileId());
		}
		if (verdict.infected()) {
			log.warn("File {} of {} is infected: {}", job.fileId(), job.ownerId(), verdict.signature());
			// No mail about content that was deleted or replaced while it was scanned.
			if (files.settle(job, ScanStatus.INFECTED, verdict.signature())) {
				notices.infected(job, verdict.signature());
			}
		}
		else {
			files.settle(job, ScanStatus.CLEAN, null);
		}
	}

	void giveUp(String id) {
		pending(id).ifPresent((job) -> {
			log.warn("Could not scan file {} after {} attempts, serving it unscanned", job.fileId(), job.attempts());
			files.settle(job, ScanStatus.ERROR, null);
		});
	}

	/**
	 * The file behind a job id if it still waits for that content; an id of another form
	 * (a recurring run a node of an older version queued) has nothing to scan.
	 */
	private Optional<ScanJob> pending(String id) {
		int colon = id.indexOf(':');
		if (colon < 0) {
			return Optional.empty();
		}
		try {
			return files.pending(UUID.fromString(id.substring(0, colon)), UUID.fromString(id.substring(colon + 1)));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	/** A failed attempt, for the job to retry. */
	static final class NotScanned extends RuntimeException {

		NotScanned(UUID fileId) {
			super("File " + fileId + " not scanned", null, false, false);
		}

	}

}
