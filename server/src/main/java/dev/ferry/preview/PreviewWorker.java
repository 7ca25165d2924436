package dev.ferry.preview;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import dev.ferry.files.FileSources;
import dev.ferry.files.FileSources.Source;
import dev.ferry.files.ScanStatus;
import dev.ferry.preview.PreviewRepository.Preview;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Makes the queued previews, a few at a time, on every node: a job is taken with a
 * conditional update and held for {@link #CLAIM}, so a node that dies mid-render leaves
 * it to the next poll. A file is rendered only once its malware scan has settled (the
 * decoders are the exposed surface, so they get only content the scanner let through);
 * content is streamed from the encrypted store and never written anywhere in plaintext.
 */
@Component
class PreviewWorker {

	private static final Logger log = LoggerFactory.getLogger(PreviewWorker.class);

	private static final int BATCH = 10;

	private static final Duration CLAIM = Duration.ofMinutes(5);

	private final PreviewRepository previews;

	private final FileSources files;

	private final PreviewRenderer renderer;

	private final PreviewStore store;

	private final PreviewProperties properties;

	private final Clock clock;

	PreviewWorker(PreviewRepository previews, FileSources files, PreviewRenderer renderer, PreviewStore store,
			PreviewProperties properties, Clock clock) {
		this.previews = previews;
		this.files = files;
		this.renderer = renderer;
		this.store = store;
		this.properties = properties;
		this.clock = clock;
	}

	public void run() {
		if (!properties.enabled()) {
			return;
		}
		// Drains the queue in batches: a bulk upload of a thousand files must not wait
		// a thousand intervals (each job leaves the due set: claimed, done or retried
		// later).
		for (List<Preview> batch = previews.due(clock.instant(), BATCH); !batch.isEmpty(); batch = previews
			.due(clock.instant(), BATCH)) {
			for (Preview job : batch) {
				Instant until = clock.instant().plus(CLAIM).truncatedTo(ChronoUnit.MILLIS);
				if (previews.claim(job, until)) {
					make(job, until);
				}
			}
		}
	}

	private void make(Preview job, Instant until) {
		Optional<Source> found = files.find(job.ownerId(), job.fileId());
		if (found.isEmpty()) {
			previews.delete(job.fileId());
			return;
		}
		Source file = found.get();
		if (file.scanStatus() == ScanStatus.PENDING) {
			previews.retryAt(job.fileId(), until, job.attempts(), clock.instant().plus(properties.interval()));
			return;
		}
		Optional<Renderer> chosen = renderer.rendererFor(file.contentType());
		String refusal = refusal(file, chosen);
		if (refusal != null) {
			previews.settle(job.fileId(), until, "unsupported", refusal);
			return;
		}
		try (InputStream content = files.open(file)) {
			store.save(job.fileId(), until, renderer.render(chosen.get(), file.contentType(), content));
		}
		catch (Renderer.Unrenderable ex) {
			previews.settle(job.fileId(), until, "unsupported", ex.reason());
		}
		// Decoders answer malformed input with all kinds of runtime exceptions, a hostile
		// one with a stack or heap they exhaust: each is one failed attempt, or the job
		// would stay claimed and be retried forever, holding up every other preview.
		catch (IOException | RuntimeException | StackOverflowError | OutOfMemoryError ex) {
			failed(job, until, ex);
		}
	}

	private String refusal(Source file, Optional<Renderer> chosen) {
		if (!file.settled()) {
			return "quarantined";
		}
		if (PreviewRenderer.UNSAFE.contains(file.contentType())) {
			return "unsafe_type";
		}
		if (chosen.isEmpty()) {
			return "unsupported_type";
		}
		if (file.size() > properties.maxBytes().toBytes()) {
			return "too_large";
		}
		return null;
	}

	private void failed(Preview job, Instant until, Throwable ex) {
		int attempts = job.attempts() + 1;
		if (attempts >= properties.maxAttempts()) {
			log.info("No preview for file {} after {} attempts: {}", job.fileId(), attempts, ex.toString());
			previews.settle(job.fileId(), until, "failed", "unreadable");
			return;
		}
		previews.retryAt(job.fileId(), until, attempts,
				clock.instant().plus(properties.interval().multipliedBy(attempts)));
	}

}
