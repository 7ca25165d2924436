package dev.ferry.upload;

import java.util.UUID;

/**
 * Published inside the transaction that turned an upload into a file, so listeners that
 * write join that transaction. {@code fileId} is the file it became: the upload's own id
 * for a new file, the existing file's when it became a new version of one.
 */
public record UploadCompleted(UUID uploadId, UUID fileId, UUID ownerId, String folder, String name, long size,
		String sha256) {
}
