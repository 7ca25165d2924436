package dev.ferry.files;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import dev.ferry.storage.BlobConflictException;
import dev.ferry.storage.BlobStorage;
import dev.ferry.storage.BlobTail;
import dev.ferry.storage.PendingPart;

/** A test double of the blob store for unit tests of this module: plaintext in memory. */
class InMemoryBlobStorage implements BlobStorage {

	private final Map<UUID, byte[]> blobs = new ConcurrentHashMap<>();

	@Override
	public UUID create() {
		UUID id = UUID.randomUUID();
		blobs.put(id, new byte[0]);
		return id;
	}

	@Override
	public UUID create(String contentType) {
		return create();
	}

	/** One array holds the whole blob: rewriting its one part is appending to it. */
	@Override
	public PendingPart rewriteLastPart(UUID blobId, long offset) {
		return beginPart(blobId, offset);
	}

	@Override
	public BlobTail tail(UUID blobId) {
		long length = length(blobId);
		return new BlobTail(length, (length > 0) ? 1 : 0, length);
	}

	@Override
	public PendingPart beginPart(UUID blobId, long offset) {
		long length = length(blobId);
		if (offset != length) {
			throw new BlobConflictException(offset, length);
		}
		ByteArrayOutputStream buffer = new ByteArrayOutputStream();
		return new PendingPart() {

			@Override
			public OutputStream stream() {
				return buffer;
			}

			@Override
			public long written() {
				return buffer.size();
			}

			@Override
			public long commit() {
				byte[] old = blobs.get(blobId);
				byte[] joined = Arrays.copyOf(old, old.length + buffer.size());
				System.arraycopy(buffer.toByteArray(), 0, joined, old.length, buffer.size());
				blobs.put(blobId, joined);
				return joined.length;
			}

			@Override
			public void close() {
			}
		};
	}

	@Override
	public long length(UUID blobId) {
		byte[] blob = blobs.get(blobId);
		if (blob == null) {
			throw new IllegalStateException("no blob " + blobId);
		}
		return blob.length;
	}

	@Override
	public InputStream openRange(UUID blobId, long start, long endExclusive) {
		byte[] blob = blobs.get(blobId);
		if (blob == null) {
			throw new IllegalStateException("no blob " + blobId);
		}
		return new ByteArrayInputStream(blob, (int) start, (int) (endExclusive - start));
	}

	@Override
	public void destroy(UUID blobId) {
		blobs.remove(blobId);
	}

	boolean exists(UUID blobId) {
		return blobs.containsKey(blobId);
	}

	int count() {
		return blobs.size();
	}

}
