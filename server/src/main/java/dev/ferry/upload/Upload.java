package dev.ferry.upload;

import java.time.Instant;
import java.util.UUID;

import dev.ferry.files.FileCatalog.Placement;

/**
 * One tus upload as stored in the {@code uploads} table. {@code length} is null while the
 * client defers it; {@code offset} is the number of bytes committed to the blob.
 */
record Upload(UUID id, UUID ownerId, UUID blobId, Long length, long offset, UploadMetadata metadata,
		Placement placement, String declaredType, String sha256, Status status, Instant createdAt, Instant expiresAt,
		Instant completedAt, UUID fileId) {

	enum Status {

		ACTIVE, COMPLETED, EXPIRED

	}

	boolean isDeferred() {
		return length == null;
	}

	boolean isCompleted() {
		return status == Status.COMPLETED;
	}

	/** Every byte arrived, though the file may not be registered yet. */
	boolean isFull() {
		return length != null && offset == length;
	}

	boolean isExpired(Instant now) {
		return status == Status.EXPIRED || (status == Status.ACTIVE && !now.isBefore(expiresAt));
	}

	Upload withLength(long newLength) {
		return new Upload(id, ownerId, blobId, newLength, offset, metadata, placement, declaredType, sha256, status,
				createdAt, expiresAt, completedAt, fileId);
	}

	Upload withOffset(long newOffset, Instant newExpiresAt) {
		return new Upload(id, ownerId, blobId, length, newOffset, metadata, placement, declaredType, sha256, status,
				createdAt, newExpiresAt, completedAt, fileId);
	}

	Upload completed(String digest, Instant at, UUID file) {
		return new Upload(id, ownerId, blobId, length, offset, metadata, placement, declaredType, digest,
				Status.COMPLETED, createdAt, expiresAt, at, file);
	}

	/**
	 * The file this upload became: the existing file's id when it became a new version of
	 * it, else the upload's own id.
	 */
	UUID file() {
		return (fileId != null) ? fileId : id;
	}

}
