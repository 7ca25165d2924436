package dev.ferry.storage;

import java.io.InputStream;
import java.util.UUID;

/**
 * Encrypted, append-only blob storage: the storage module's public service. A blob is an
 * ordered list of parts, each encrypted independently (Tink streaming AEAD, 64 KiB
 * segments) under the blob's own data key, which is kept wrapped by the key-encryption
 * key. Nothing is ever stored in plaintext, not even while an upload is in progress.
 */
public interface BlobStorage {

	/** Creates an empty blob with a fresh data key and returns its id. */
	UUID create();

	/**
	 * Like {@link #create()}, for content declared as {@code contentType} (may be null):
	 * unless that type is compressed already (images, video, audio, archives, PDF...),
	 * each part is compressed with zstd before encryption when its first 256 KiB shrink
	 * by a tenth or more. Ranges still read only the frames they touch.
	 */
	UUID create(String contentType);

	/**
	 * Starts writing plaintext at {@code offset}, which must equal the blob's current
	 * length (otherwise {@link BlobConflictException}). Nothing becomes visible until
	 * {@link PendingPart#commit()}; closing without commit discards what was written.
	 */
	PendingPart beginPart(UUID blobId, long offset);

	/**
	 * Like {@link #beginPart}, but the new part takes the place of the blob's last part:
	 * that part's plaintext is copied in first, and the commit swaps the two (with the
	 * same compare-and-set), so a small last part grows instead of being followed by
	 * another. {@link PendingPart#written()} counts only the bytes written after the
	 * copy.
	 */
	PendingPart rewriteLastPart(UUID blobId, long offset);

	/** The blob's length and part layout at its end. */
	BlobTail tail(UUID blobId);

	/** Current plaintext length: the sum of committed parts. */
	long length(UUID blobId);

	/**
	 * Plaintext bytes {@code [start, endExclusive)}; decrypts only the segments the range
	 * touches, and streams: memory use does not depend on the range's size.
	 */
	InputStream openRange(UUID blobId, long start, long endExclusive);

	/**
	 * Gives up one reference to the blob (see {@link BlobDeduplication}); when it was the
	 * last, crypto-shreds it: destroys its wrapped data key, overwrites local bytes, then
	 * removes its parts. Reads already in progress may fail; new reads find nothing.
	 * Within a transaction, the reference and the key go with it (a rollback keeps them)
	 * and the bytes are removed after it commits: call it in the transaction that deletes
	 * the row holding the reference, so that no reference is given up twice.
	 */
	void destroy(UUID blobId);

}
