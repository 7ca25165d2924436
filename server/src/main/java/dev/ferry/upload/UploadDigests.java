package dev.ferry.upload;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.ferry.storage.BlobStorage;
import dev.ferry.storage.StorageException;

import org.springframework.stereotype.Component;

/**
 * The SHA-256 of an upload's whole plaintext, which the file catalogue records.
 * <p>
 * PATCHes may hit different nodes or outlive a restart, so the digest cannot simply live
 * in memory. The two obvious ways were measured on 1 GiB (2 vCPU Xeon with SHA-NI, JDK
 * 17, 2026-11-22; the shared build machine was under load 13-21, so read the ratios more
 * than the seconds):
 * <ul>
 * <li>saving Bouncy Castle's {@code SHA256Digest} state in the database after each PATCH:
 * it is pure Java, 9.6-18 s per GiB (4.1 s, ~260 MB/s, on an idle machine), spent inside
 * every PATCH, so it would cap an upload well below the blob store's encryption
 * speed;</li>
 * <li>reading the blob back through {@link BlobStorage#openRange} at completion and
 * hashing with the JDK (SHA-NI intrinsics, 1.55 GB/s idle): 3.0-8.9 s per GiB, once, but
 * all of it in the last PATCH, which then waits seconds per GiB.</li>
 * </ul>
 * Hashing with the JDK while the bytes stream in costs 2.1-3.6 s per GiB under the same
 * load (0.7 s idle) and delays nothing, but its state cannot be saved. So that is the
 * common case: the running JDK digest stays on the node that received the bytes, and an
 * upload whose PATCHes all reached this node finishes without extra work. A PATCH on a
 * node that did not see the previous one (another node, a restart) drops it, and the
 * upload is read back once at completion: still 2-4 times cheaper than Bouncy Castle.
 */
@Component
class UploadDigests {

	private static final int BUFFER_SIZE = 64 * 1024;

	private final BlobStorage blobs;

	private final Cache<UUID, Running> running;

	UploadDigests(BlobStorage blobs, UploadProperties properties) {
		this.blobs = blobs;
		this.running = Caffeine.newBuilder()
			.maximumSize(10_000)
			.expireAfterAccess(properties.expiry().plus(Duration.ofMinutes(1)))
			.build();
	}

	/**
	 * A digest over the upload's first {@code offset} bytes to continue with, or null if
	 * this node does not have one.
	 */
	MessageDigest resume(Upload upload) {
		if (upload.offset() == 0) {
			return newSha256();
		}
		Running known = running.getIfPresent(upload.id());
		return (known != null && known.offset() == upload.offset()) ? copy(known.digest()) : null;
	}

	/** Keeps the digest after a committed PATCH, or forgets a stale one. */
	void remember(UUID uploadId, long offset, MessageDigest digest) {
		if (digest != null) {
			running.put(uploadId, new Running(offset, copy(digest)));
		}
		else {
			running.invalidate(uploadId);
		}
	}

	/**
	 * The hex SHA-256 of the whole upload, reading it back when no digest is at hand. The
	 * final state stays remembered until {@link #forget}: a registration that fails (a
	 * quota lowered meanwhile) is tried again on the next HEAD, which must not read a
	 * file of any size back every time.
	 */
	String finish(Upload upload, MessageDigest digest) {
		MessageDigest complete = (digest != null) ? digest : readBack(upload);
		running.put(upload.id(), new Running(upload.offset(), copy(complete)));
		return HexFormat.of().formatHex(complete.digest());
	}

	void forget(UUID uploadId) {
		running.invalidate(uploadId);
	}

	private MessageDigest readBack(Upload upload) {
		MessageDigest digest = newSha256();
		byte[] buffer = new byte[BUFFER_SIZE];
		try (InputStream in = blobs.openRange(upload.blobId(), 0, upload.length())) {
			for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
				digest.update(buffer, 0, read);
			}
		}
		catch (IOException ex) {
			// The store failed (503), not the request: the client may ask again.
			throw new StorageException(ex);
		}
		return digest;
	}

	private static MessageDigest newSha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("The JDK always provides SHA-256", ex);
		}
	}

	private static MessageDigest copy(MessageDigest digest) {
		try {
			return (MessageDigest) digest.clone();
		}
		catch (CloneNotSupportedException ex) {
			throw new IllegalStateException("The JDK's SHA-256 can be cloned", ex);
		}
	}

	private record Running(long offset, MessageDigest digest) {
	}

}
