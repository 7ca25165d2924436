package dev.ferry.storage;

import java.util.Optional;
import java.util.UUID;

/**
 * Identical content stored once ({@code FERRY_DEDUP}: {@code off}, {@code account} (the
 * default) or {@code global}). A file's content is named by a keyed hash: HMAC-SHA256
 * under a server secret sealed by the KEK, over the scope (the owner's account, or all
 * accounts) and the plaintext's SHA-256, so the stored value confirms nothing to someone
 * without the key. Each row that refers to a blob holds one reference;
 * {@link BlobStorage#destroy} gives one up and shreds with the last.
 */
public interface BlobDeduplication {

	/**
	 * The keyed hash of content with digest {@code sha256} (hex) in {@code accountId}'s
	 * scope; empty when deduplication is off. Call it before the transaction that stores
	 * the reference (the first call may create the server secret).
	 */
	Optional<String> contentKey(UUID accountId, String sha256);

	/**
	 * The blob a new row should refer to: a live blob with the same {@code contentKey},
	 * which gains a reference, or {@code blobId} itself, which becomes the one others
	 * will find. When another blob is returned, {@code blobId} is destroyed with the
	 * current transaction (its data key goes when it commits, a rollback keeps it; its
	 * bytes are removed in the background afterwards), so a crash after the commit leaves
	 * no live copy behind.
	 */
	UUID deduplicate(UUID blobId, String contentKey);

}
