package dev.ferry.storage.internal;

import java.io.IOException;
import java.util.UUID;

import dev.ferry.storage.spi.BlobStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives up references to blobs and crypto-shreds a blob with its last reference: the
 * wrapped data key goes first (committed), then the parts are overwritten and deleted.
 */
final class BlobShredder {

	private static final Logger log = LoggerFactory.getLogger(BlobShredder.class);

	private final BlobRepository blobs;

	private final DataKeys keys;

	private final BlobStore store;

	BlobShredder(BlobRepository blobs, DataKeys keys, BlobStore store) {
		this.blobs = blobs;
		this.keys = keys;
		this.store = store;
	}

	/**
	 * Gives up one reference; the last one shreds. Loops because a deduplicated arrival
	 * may add a reference between the two conditional updates.
	 */
	void destroy(UUID blobId) {
		while (!blobs.dropReference(blobId)) {
			if (blobs.shred(blobId, System.currentTimeMillis()) || blobs.find(blobId).isEmpty()) {
				keys.forget(blobId);
				if (blobs.exists(blobId)) {
					purge(blobId);
				}
				return;
			}
		}
	}

	/**
	 * Overwrites and deletes the parts of a shredded blob, then its row. A failure leaves
	 * the rest to {@link BlobCleanup}: the data key is already gone.
	 */
	boolean purge(UUID blobId) {
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
