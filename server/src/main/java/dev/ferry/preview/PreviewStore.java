package dev.ferry.preview;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.UUID;

import dev.ferry.preview.PreviewRepository.Preview;
import dev.ferry.storage.BlobStorage;
import dev.ferry.storage.PendingPart;

import org.springframework.stereotype.Component;

/**
 * Preview images in the encrypted blob store, each a blob of its own with its own data
 * key, like file content: a preview shows what the file contains, so it is kept as
 * carefully.
 */
@Component
class PreviewStore {

	private final BlobStorage storage;

	private final PreviewRepository previews;

	PreviewStore(BlobStorage storage, PreviewRepository previews) {
		this.storage = storage;
		this.previews = previews;
	}

	/**
	 * Stores the raster and marks the preview ready; when the row was settled, removed or
	 * queued again for new content meanwhile, the new blob is shredded again. False then.
	 */
	boolean save(UUID fileId, Instant claimedUntil, Raster raster) {
		UUID blobId = storage.create();
		try (PendingPart part = storage.beginPart(blobId, 0)) {
			part.stream().write(raster.bytes());
			part.commit();
		}
		catch (IOException ex) {
			storage.destroy(blobId);
			throw new UncheckedIOException(ex);
		}
		if (previews.ready(fileId, claimedUntil, blobId, raster)) {
			return true;
		}
		storage.destroy(blobId);
		return false;
	}

	InputStream open(Preview preview) {
		return storage.openRange(preview.blobId(), 0, preview.size());
	}

	/** Shreds the raster first, so a crash in between leaves no readable orphan. */
	void discard(Preview preview) {
		if (preview.blobId() != null) {
			storage.destroy(preview.blobId());
		}
		previews.delete(preview.fileId());
	}

}
