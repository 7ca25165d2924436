package dev.ferry.files;

import java.time.Instant;
import java.util.UUID;

/** One row of {@code files}. */
record FileRecord(UUID id, UUID ownerId, String folder, String name, String contentType, String declaredType, long size,
		String sha256, UUID blobId, Instant createdAt, Instant modifiedAt) {

	String path() {
		return FilePaths.join(folder, name);
	}

	FileCatalog.StoredFile stored() {
		return new FileCatalog.StoredFile(id, folder, name, contentType, size, sha256);
	}

}
