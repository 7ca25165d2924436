package dev.ferry.storage.internal;

import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import dev.ferry.AfterCommit;
import dev.ferry.storage.spi.BlobStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * Gives up references to blobs and crypto-shreds a blob with its last reference: the
 * wrapped data key goes first (committed), then the parts are overwritten and deleted.
 */
final class BlobShredder {

	private static final Logger log = LoggerFactory.getLogger(BlobShredder.class);

	private final BlobRepository blobs;

	private final DataKeys keys;

	private final BlobStore store;

	/**
	 * Purges that nobody waits for, one at a time; the thread ends when there are none.
	 * {@link BlobCleanup} purges what a stop leaves behind: the data key is gone first.
	 */
	private final ThreadPoolExecutor later;

	BlobShredder(BlobRepository blobs, DataKeys keys, BlobStore store) {
		this.blobs = blobs;
		this.keys = keys;
		this.store = store;
		CustomizableThreadFactory threads = new CustomizableThreadFactory("ferry-purge-");
		threads.setDaemon(true);
		this.later = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), threads);
		this.later.allowCoreThreadTimeOut(true);
	}

	/**
	 * Gives up one reference; the last one shreds: the data key is destroyed, then the
	 * objects are overwritten and deleted. Within a transaction the reference and the key
	 * go with it (a rollback keeps both) and the objects only after it commits.
	 */
	void destroy(UUID blobId) {
		if (destroyKey(blobId)) {
			// Past the commit nothing is rolled back: a purge that fails is left to
			// BlobCleanup, the data key being gone already.
			AfterCommit.run(() -> purgeQuietly(blobId));
		}
	}

	/**
	 * Like {@link #destroy}, but the objects are overwritten and deleted on a background
	 * thread after the commit: for a caller whose client should not wait for it (an
	 * arrival found to be a duplicate, whose whole size would otherwise be written again
	 * as zeros before the upload is answered). The data key goes with the current
	 * transaction, so a crash after its commit leaves the bytes to {@link BlobCleanup}.
	 */
	void destroyThenPurgeLater(UUID blobId) {
		if (destroyKey(blobId)) {
			AfterCommit.run(() -> later.execute(() -> purgeQuietly(blobId)));
		}
	}

	/**
	 * Gives up one reference; with the last one destroys the data key and answers whether
	 * objects are left to purge. Loops because a deduplicated arrival may add a reference
	 * between the two conditional updates.
	 */
	private boolean destroyKey(UUID blobId) {
		while (!blobs.dropReference(blobId)) {
			if (blobs.shred(blobId, System.currentTimeMillis()) || blobs.find(blobId).isEmpty()) {
				keys.forget(blobId);
				return blobs.exists(blobId);
			}
		}
		return false;
	}

	private void purgeQuietly(UUID blobId) {
		try {
			purge(blobId);
		}
		catch (RuntimeException ex) {
			log.warn("Could not purge destroyed blob {} yet; cleanup will retry", blobId, ex);
		}
	}

	/**
	 * Overwrites and deletes the parts of a shredded blob, then its row. A failure leaves
	 * the rest to {@link BlobCleanup}: the data key is already gone.
	 */
	boolean purge(UUID blobId) {
		// A read between the shredding and its commit may have cached the key again.
		keys.forget(blobId);
		try {
			for (BlobRepository.Part part : blobs.parts(blobId)) {
				store.delete(part.storeKey(), true);
				blobs.deletePart(blobId, part.index());
			}
			blobs.delete(blobId);
			return true;
		}
		catch (IOException ex) {
			log.warn("Could not remove all parts of destroyed blob {} yet; cleanup will retry", blobId, ex);
			return false;
		}
	}

}
