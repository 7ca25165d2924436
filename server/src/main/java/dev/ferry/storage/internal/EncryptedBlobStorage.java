package dev.ferry.storage.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.UUID;

import com.google.crypto.tink.StreamingAead;
import dev.ferry.storage.BlobConflictException;
import dev.ferry.storage.BlobNotFoundException;
import dev.ferry.storage.BlobRangeException;
import dev.ferry.storage.BlobStorage;
import dev.ferry.storage.BlobTail;
import dev.ferry.storage.PendingPart;
import dev.ferry.storage.StorageException;
import dev.ferry.storage.spi.BlobStore;
import dev.ferry.storage.spi.ObjectUpload;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * {@link BlobStorage} over a {@link BlobStore}: every part is one immutable store object,
 * encrypted with the blob's own streaming AEAD key. The associated data binds each part
 * to its blob, index and offset, so parts cannot be swapped, reordered or moved between
 * blobs without the read failing.
 */
@Service
class EncryptedBlobStorage implements BlobStorage, EncryptedPart.PartCommitter {

	private static final Logger log = LoggerFactory.getLogger(EncryptedBlobStorage.class);

	private final BlobRepository blobs;

	private final DataKeys keys;

	private final BlobStore store;

	private final BlobShredder shredder;

	private final Compression compression;

	private final WriteBehind writeBehind;

	EncryptedBlobStorage(BlobRepository blobs, DataKeys keys, BlobStore store, Compression compression,
			WriteBehind writeBehind) {
		this.writeBehind = writeBehind;
		this.blobs = blobs;
		this.keys = keys;
		this.store = store;
		this.shredder = new BlobShredder(blobs, keys, store);
		this.compression = compression;
	}

	@Override
	public UUID create() {
		return insert(false);
	}

	@Override
	public UUID create(String contentType) {
		return insert(compression.worthTrying(contentType));
	}

	private UUID insert(boolean compressed) {
		UUID id = UUID.randomUUID();
		blobs.insert(id, keys.generate(id), System.currentTimeMillis(), compressed);
		return id;
	}

	@Override
	public PendingPart beginPart(UUID blobId, long offset) {
		BlobRepository.Blob blob = live(blobId);
		if (offset != blob.length()) {
			throw new BlobConflictException(offset, blob.length());
		}
		String storeKey = storeKey(blobId, blob.partCount());
		ObjectUpload upload = null;
		try {
			upload = store.upload(storeKey);
			return part(blob, storeKey, upload, associatedData(blobId, blob.partCount(), blob.length()), this);
		}
		catch (IOException | GeneralSecurityException | RuntimeException ex) {
			abandon(upload);
			throw (ex instanceof RuntimeException runtime) ? runtime : new StorageException(ex);
		}
	}

	private EncryptedPart part(BlobRepository.Blob blob, String storeKey, ObjectUpload upload, byte[] associatedData,
			EncryptedPart.PartCommitter committer) throws GeneralSecurityException, IOException {
		StreamingAead aead = keys.aead(blob.id(), blob.wrappedKey());
		return EncryptedPart.open(blob, storeKey, upload, aead, associatedData, writeBehind, committer);
	}

	@Override
	public PendingPart rewriteLastPart(UUID blobId, long offset) {
		BlobRepository.Blob blob = live(blobId);
		if (offset != blob.length()) {
			throw new BlobConflictException(offset, blob.length());
		}
		BlobRepository.Part last = blobs.lastPart(blobId).orElse(null);
		if (last == null) {
			return beginPart(blobId, offset);
		}
		String storeKey = storeKey(blobId, last.index());
		ObjectUpload upload = null;
		EncryptedPart part = null;
		try {
			upload = store.upload(storeKey);
			part = part(blob, storeKey, upload, associatedData(blobId, last.index(), last.offset()),
					new Replacing(last));
			try (InputStream previous = openRange(blobId, last.offset(), last.end())) {
				part.carry(previous);
			}
			return part;
		}
		catch (IOException | GeneralSecurityException | RuntimeException ex) {
			if (part != null) {
				part.close();
			}
			else {
				abandon(upload);
			}
			throw (ex instanceof RuntimeException runtime) ? runtime : new StorageException(ex);
		}
	}

	@Override
	public BlobTail tail(UUID blobId) {
		BlobRepository.Blob blob = live(blobId);
		long last = (blob.partCount() == 0) ? 0 : blobs.lastPart(blobId).map(BlobRepository.Part::length).orElse(0L);
		return new BlobTail(blob.length(), blob.partCount(), last);
	}

	@Override
	public long length(UUID blobId) {
		return live(blobId).length();
	}

	@Override
	public InputStream openRange(UUID blobId, long start, long endExclusive) {
		BlobRepository.Blob blob = live(blobId);
		if (start < 0 || start > endExclusive || endExclusive > blob.length()) {
			throw new BlobRangeException(start, endExclusive, blob.length());
		}
		if (start == endExclusive) {
			return InputStream.nullInputStream();
		}
		StreamingAead aead = keys.aead(blobId, blob.wrappedKey());
		List<RangeInputStream.Slice> slices = blobs.partsOverlapping(blobId, start, endExclusive)
			.stream()
			.map((part) -> new RangeInputStream.Slice(part, Math.max(start, part.offset()) - part.offset(),
					Math.min(endExclusive, part.end()) - part.offset()))
			.toList();
		return new RangeInputStream(slices, (part, position) -> openPart(blobId, aead, part, position));
	}

	@Override
	public void destroy(UUID blobId) {
		shredder.destroy(blobId);
	}

	/** What destroys blobs, for cleanup and deduplication. */
	BlobShredder shredder() {
		return shredder;
	}

	@Override
	public long commit(BlobRepository.Blob expected, String storeKey, long plainLength, long cipherLength,
			boolean compressed) {
		BlobRepository.Part part = new BlobRepository.Part(expected.partCount(), expected.length(), plainLength,
				cipherLength, storeKey, compressed);
		boolean appended;
		try {
			appended = blobs.append(expected.id(), expected, part, System.currentTimeMillis());
		}
		catch (RuntimeException ex) {
			deleteQuietly(storeKey);
			throw ex;
		}
		if (!appended) {
			deleteQuietly(storeKey);
			throw conflict(expected);
		}
		return part.end();
	}

	@Override
	public long commitEmpty(BlobRepository.Blob expected) {
		BlobRepository.Blob now = live(expected.id());
		if (now.length() != expected.length()) {
			throw new BlobConflictException(expected.length(), now.length());
		}
		return now.length();
	}

	private BlobRepository.Blob live(UUID blobId) {
		return blobs.find(blobId).orElseThrow(() -> new BlobNotFoundException(blobId));
	}

	private RuntimeException conflict(BlobRepository.Blob expected) {
		return blobs.find(expected.id())
			.<RuntimeException>map((now) -> new BlobConflictException(expected.length(), now.length()))
			.orElseGet(() -> new BlobNotFoundException(expected.id()));
	}

	private SeekableByteChannel openPart(UUID blobId, StreamingAead aead, BlobRepository.Part part, long position)
			throws IOException {
		SeekableByteChannel ciphertext = store.open(part.storeKey());
		try {
			SeekableByteChannel plaintext = aead.newSeekableDecryptingChannel(ciphertext,
					associatedData(blobId, part.index(), part.offset()));
			SeekableByteChannel content = part.compressed() ? new DecompressingChannel(plaintext, part.length())
					: plaintext;
			content.position(position);
			return content;
		}
		catch (GeneralSecurityException | IOException | RuntimeException ex) {
			ciphertext.close();
			throw (ex instanceof IOException io) ? io : new IOException("Cannot decrypt a stored part", ex);
		}
	}

	private void deleteQuietly(String storeKey) {
		try {
			store.delete(storeKey, false);
		}
		catch (IOException ex) {
			log.warn("Could not delete an uncommitted part; cleanup will remove it", ex);
		}
	}

	private static void abandon(ObjectUpload upload) {
		if (upload != null) {
			try {
				upload.close();
			}
			catch (IOException ex) {
				log.warn("Could not discard an unfinished upload; cleanup will remove it", ex);
			}
		}
	}

	/**
	 * Every attempt writes its own object: S3 objects are immutable and writers may race.
	 */
	static String storeKey(UUID blobId, int index) {
		String id = blobId.toString();
		return "parts/" + id.substring(0, 2) + "/" + id + "/" + index + "-" + UUID.randomUUID();
	}

	static byte[] associatedData(UUID blobId, int index, long offset) {
		return ("ferry-blob-part:" + blobId + ":" + index + ":" + offset).getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Commits a rewritten last part in place of the old one, whose object is deleted once
	 * nothing refers to it.
	 */
	private final class Replacing implements EncryptedPart.PartCommitter {

		private final BlobRepository.Part old;

		Replacing(BlobRepository.Part old) {
			this.old = old;
		}

		@Override
		public long commit(BlobRepository.Blob expected, String storeKey, long plainLength, long cipherLength,
				boolean compressed) {
			BlobRepository.Part part = new BlobRepository.Part(old.index(), old.offset(), plainLength, cipherLength,
					storeKey, compressed);
			boolean replaced;
			try {
				replaced = blobs.replaceLast(expected.id(), expected, old, part);
			}
			catch (RuntimeException ex) {
				deleteQuietly(storeKey);
				throw ex;
			}
			if (!replaced) {
				deleteQuietly(storeKey);
				throw conflict(expected);
			}
			deleteQuietly(old.storeKey());
			return part.end();
		}

		@Override
		public long commitEmpty(BlobRepository.Blob expected) {
			return EncryptedBlobStorage.this.commitEmpty(expected);
		}

	}

}
