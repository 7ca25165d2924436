package dev.ferry.storage.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import dev.ferry.storage.StorageProperties;
import dev.ferry.storage.spi.BlobStore;
import dev.ferry.storage.spi.StoredObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Removes what crashes and races leave behind: unfinished uploads, objects that no part
 * row references (a writer that lost a race or died between upload and commit), and the
 * parts of destroyed blobs. Every step is idempotent, so several nodes may run it at
 * once.
 */
@Component
class BlobCleanup {

	private static final Logger log = LoggerFactory.getLogger(BlobCleanup.class);

	private static final int BATCH = 100;

	private final BlobStore store;

	private final BlobRepository blobs;

	private final EncryptedBlobStorage storage;

	private final StorageProperties properties;

	private final UnclaimedBlobs unclaimed;

	BlobCleanup(BlobStore store, BlobRepository blobs, EncryptedBlobStorage storage, StorageProperties properties,
			UnclaimedBlobs unclaimed) {
		this.unclaimed = unclaimed;
		this.store = store;
		this.blobs = blobs;
		this.storage = storage;
		this.properties = properties;
	}

	void scheduled() {
		try {
			Instant now = Instant.now();
			Result result = run(now.minus(properties.abandonedAfter()), now.minus(properties.unclaimedAfter()), now);
			if (result.total() > 0) {
				log.info(
						"Storage cleanup: {} unfinished uploads, {} unreferenced objects, {} blobs nothing refers to, "
								+ "{} destroyed blobs removed",
						result.incomplete(), result.orphans(), result.unclaimed(), result.destroyed());
			}
		}
		catch (IOException | UncheckedIOException ex) {
			log.warn("Storage cleanup failed; it runs again later", ex);
		}
	}

	/**
	 * Cleans everything abandoned before {@code cutoff}, destroys the blobs created
	 * before {@code unclaimedBefore} that nothing refers to ({@link UnclaimedBlobs}, as
	 * of {@code now}), and purges destroyed blobs regardless of age.
	 */
	Result run(Instant cutoff, Instant unclaimedBefore, Instant now) throws IOException {
		int incomplete = store.purgeIncomplete(cutoff);
		int orphans = deleteUnreferenced(cutoff);
		int unreferenced = unclaimed.sweep(unclaimedBefore, now);
		int destroyed = finishDestroyed();
		return new Result(incomplete, orphans, unreferenced, destroyed);
	}

	/**
	 * Lists first, deletes after: deleting prunes directories the listing may still walk.
	 */
	private int deleteUnreferenced(Instant cutoff) throws IOException {
		List<String> unreferenced;
		try (Stream<StoredObject> objects = store.list("parts/")) {
			unreferenced = objects.filter((object) -> object.lastModified().isBefore(cutoff))
				.map(StoredObject::key)
				.filter((key) -> !blobs.isReferenced(key))
				.toList();
		}
		int deleted = 0;
		for (String key : unreferenced) {
			// Asked again: a long listing may be minutes old, and on S3 an
			// object's time is when its multipart upload began, so a part
			// written for over an hour and recorded since looks as old as an
			// orphan.
			if (!blobs.isReferenced(key)) {
				store.delete(key, true);
				deleted++;
			}
		}
		return deleted;
	}

	private int finishDestroyed() {
		int finished = 0;
		for (List<UUID> batch = blobs.shredded(BATCH); !batch.isEmpty(); batch = blobs.shredded(BATCH)) {
			int before = finished;
			for (UUID blobId : batch) {
				finished += storage.shredder().purge(blobId) ? 1 : 0;
			}
			if (finished - before < batch.size()) {
				break;
			}
		}
		return finished;
	}

	record Result(int incomplete, int orphans, int unclaimed, int destroyed) {

		int total() {
			return incomplete + orphans + unclaimed + destroyed;
		}

	}

}
