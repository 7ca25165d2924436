package dev.ferry.storage.spi;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.time.Instant;
import java.util.stream.Stream;

/**
 * Where ciphertext objects live, addressed by key ({@code a/b/c}). Objects are immutable
 * once committed: a writer never appends to or rewrites an existing object, so an
 * S3-compatible store (multipart upload, ranged GET) fits behind the same interface as a
 * local directory. Implementations only see ciphertext.
 */
public interface BlobStore {

	/**
	 * Starts writing a new object at {@code key}. Nothing is visible at {@code key} until
	 * {@link ObjectUpload#commit()}; an upload closed without commit leaves nothing
	 * behind (or, after a crash, an incomplete upload that {@link #purgeIncomplete}
	 * removes).
	 */
	ObjectUpload upload(String key) throws IOException;

	/** Writes the whole stream as the object at {@code key}, atomically. */
	default long put(String key, InputStream content) throws IOException {
		try (ObjectUpload upload = upload(key); InputStream in = content) {
			byte[] buffer = new byte[64 * 1024];
			for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
				ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
				while (chunk.hasRemaining()) {
					upload.channel().write(chunk);
				}
			}
			return upload.commit();
		}
	}

	/**
	 * Opens the committed object for random access reads; {@code position} + {@code read}
	 * turn into ranged reads. Throws {@link java.nio.file.NoSuchFileException} if absent.
	 */
	SeekableByteChannel open(String key) throws IOException;

	/** Size in bytes of the committed object. */
	long size(String key) throws IOException;

	/**
	 * Deletes the object if it exists. With {@code overwrite}, a store that can overwrite
	 * in place (a local disk) first replaces the bytes with zeros and syncs them.
	 */
	void delete(String key, boolean overwrite) throws IOException;

	/** Committed objects whose key starts with {@code prefix}; close the stream. */
	Stream<StoredObject> list(String prefix) throws IOException;

	/**
	 * Removes uploads that were started before {@code before} and never committed or
	 * aborted (crash leftovers). Returns how many were removed.
	 */
	int purgeIncomplete(Instant before) throws IOException;

}
