package dev.ferry.pii;

import java.time.Clock;
import java.util.UUID;

import dev.ferry.files.FileContentChanged;
import dev.ferry.files.FileRestored;
import dev.ferry.files.FileUploaded;
import dev.ferry.upload.UploadCompleted;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Queues a scan for every file that arrives, by any upload path, and for every new
 * version of one (its content changed). The row is written when the event is published,
 * in the upload's transaction where there is one, so a restart loses nothing.
 */
@Component
class PiiQueue {

	private final PiiRepository scans;

	private final PiiProperties properties;

	private final Clock clock;

	PiiQueue(PiiRepository scans, PiiProperties properties, Clock clock) {
		this.scans = scans;
		this.properties = properties;
		this.clock = clock;
	}

	@EventListener
	void on(FileUploaded event) {
		enqueue(event.fileId(), event.ownerId());
	}

	@EventListener
	void on(UploadCompleted event) {
		enqueue(event.fileId(), event.ownerId());
	}

	/**
	 * A scan that came due while the file was in the trash was dropped (no file then).
	 */
	@EventListener
	void on(FileRestored event) {
		enqueue(event.fileId(), event.ownerId());
	}

	@EventListener
	void on(FileContentChanged event) {
		enqueue(event.fileId(), event.ownerId());
	}

	private void enqueue(UUID fileId, UUID ownerId) {
		if (properties.enabled()) {
			scans.enqueue(fileId, ownerId, clock.instant());
		}
	}

}
