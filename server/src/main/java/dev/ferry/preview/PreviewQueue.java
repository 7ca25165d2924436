package dev.ferry.preview;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import dev.ferry.auth.UserDeletionStarted;
import dev.ferry.files.FileContentChanged;
import dev.ferry.files.FileUploaded;
import dev.ferry.upload.UploadCompleted;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Queues a preview for every file that arrives, by any upload path, and again for new
 * content of one. The row is written when the event is published (in the upload's
 * transaction where there is one), so a restart between the upload and the rendering
 * loses nothing: the worker finds the row.
 */
@Component
class PreviewQueue {

	private static final int BATCH = 500;

	private final PreviewRepository previews;

	private final PreviewStore store;

	private final PreviewProperties properties;

	private final Clock clock;

	PreviewQueue(PreviewRepository previews, PreviewStore store, PreviewProperties properties, Clock clock) {
		this.previews = previews;
		this.store = store;
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
	 * The old preview shows content the owner replaced, or encrypted to have the server
	 * hold no plaintext: it is shredded, and the new content queued.
	 */
	@EventListener
	void on(FileContentChanged event) {
		previews.find(event.fileId()).ifPresent(store::discard);
		enqueue(event.fileId(), event.ownerId());
	}

	/**
	 * An erased account's previews go with its files, in the erasure's transaction: each
	 * shows some of a file's content (a text file's first lines), so it must not outlive
	 * the file until the next sweep.
	 */
	@EventListener
	void on(UserDeletionStarted event) {
		for (List<PreviewRepository.Preview> batch = previews.ownedBy(event.userId(), BATCH); !batch
			.isEmpty(); batch = previews.ownedBy(event.userId(), BATCH)) {
			batch.forEach(store::discard);
		}
	}

	private void enqueue(UUID fileId, UUID ownerId) {
		if (properties.enabled()) {
			previews.enqueue(fileId, ownerId, clock.instant());
		}
	}

}
