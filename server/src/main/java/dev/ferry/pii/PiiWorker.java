package dev.ferry.pii;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.ferry.files.FileSources;
import dev.ferry.files.FileSources.Source;
import dev.ferry.files.ScanStatus;
import dev.ferry.pii.PiiRepository.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Scans the queued files in batches, like the preview worker: a job is claimed with a
 * conditional update and held for {@link #CLAIM}; a file is read only once its malware
 * scan has settled, streamed from the encrypted store and never written anywhere.
 */
@Component
class PiiWorker {

	private static final Logger log = LoggerFactory.getLogger(PiiWorker.class);

	private static final int BATCH = 10;

	private static final Duration CLAIM = Duration.ofMinutes(5);

	private final PiiRepository scans;

	private final FileSources files;

	private final PiiScanner scanner;

	private final PiiFindings findings;

	private final PiiProperties properties;

	private final Clock clock;

	PiiWorker(PiiRepository scans, FileSources files, PiiScanner scanner, PiiFindings findings,
			PiiProperties properties, Clock clock) {
		this.scans = scans;
		this.files = files;
		this.scanner = scanner;
		this.findings = findings;
		this.properties = properties;
		this.clock = clock;
	}

	void run() {
		if (!properties.enabled()) {
			return;
		}
		for (List<Job> batch = scans.due(clock.instant(), BATCH); !batch.isEmpty(); batch = scans.due(clock.instant(),
				BATCH)) {
			for (Job job : batch) {
				Instant until = clock.instant().plus(CLAIM).truncatedTo(ChronoUnit.MILLIS);
				if (scans.claim(job, until)) {
					scan(job, until);
				}
			}
		}
	}

	private void scan(Job job, Instant until) {
		Optional<Source> found = files.find(job.ownerId(), job.fileId());
		if (found.isEmpty()) {
			scans.delete(job.fileId());
			return;
		}
		Source file = found.get();
		if (file.scanStatus() == ScanStatus.PENDING) {
			scans.retryAt(job.fileId(), until, job.attempts(), clock.instant().plus(properties.interval()));
			return;
		}
		String refusal = refusal(file);
		if (refusal != null) {
			scans.settle(job.fileId(), until, "skipped", refusal);
			return;
		}
		Map<PiiKind, Integer> counts;
		try (InputStream content = files.open(file)) {
			counts = scanner.scan(file.contentType(), content);
		}
		// PDFBox answers malformed input with all kinds of runtime exceptions, a hostile
		// file with a stack or heap it exhausts: each is one failed attempt, or the job
		// would stay claimed and be retried forever, holding up every other scan.
		catch (IOException | RuntimeException | StackOverflowError | OutOfMemoryError ex) {
			failed(job, until, ex);
			return;
		}
		findings.record(file, until, counts);
	}

	private String refusal(Source file) {
		if (!file.settled()) {
			return "quarantined";
		}
		if (!scanner.accepts(file.contentType())) {
			return "unsupported_type";
		}
		return scanner.tooLarge(file.contentType(), file.size()) ? "too_large" : null;
	}

	private void failed(Job job, Instant until, Throwable ex) {
		int attempts = job.attempts() + 1;
		if (attempts >= properties.maxAttempts()) {
			log.info("No PII scan of file {} after {} attempts: {}", job.fileId(), attempts, ex.toString());
			scans.settle(job.fileId(), until, "failed", "unreadable");
			return;
		}
		scans.retryAt(job.fileId(), until, attempts,
				clock.instant().plus(properties.interval().multipliedBy(attempts)));
	}

}
