package dev.ferry.upload;

import java.util.UUID;

/**
 * Published inside the transaction that turned an upload into a file (the file's id is
 * the upload's id), so listeners that write join that transaction.
 */
public record UploadCompleted(UUID uploadId, UUID ownerId, String folder, String name, long size, String sha256) {
}
