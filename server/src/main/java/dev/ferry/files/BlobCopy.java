package dev.ferry.files;

import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;

import dev.ferry.storage.BlobStorage;
import dev.ferry.storage.PendingPart;
import dev.ferry.storage.StorageException;

import org.springframework.stereotype.Component;

/**
 * Copies a blob's plaintext into a new blob under a new data key, streamed, so each
 * version owns exactly one blob and shredding one never touches another.
 */
@Component
class BlobCopy {

	private final BlobStorage storage;

	BlobCopy(BlobStorage storage) {
		this.storage = storage;
	}

	/** The new blob; nothing is left behind when copying fails. */
	UUID copy(UUID source, long size) {
		UUID target = storage.create();
		try (InputStream in = storage.openRange(source, 0, size); PendingPart part = storage.beginPart(target, 0)) {
			in.transferTo(part.stream());
			part.commit();
			return target;
		}
		catch (IOException ex) {
			storage.destroy(target);
			throw new StorageException(ex);
		}
		catch (RuntimeException ex) {
			storage.destroy(target);
			throw ex;
		}
	}

	void destroy(UUID blob) {
		storage.destroy(blob);
	}

}
