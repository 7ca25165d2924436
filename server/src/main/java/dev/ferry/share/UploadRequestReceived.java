package dev.ferry.share;

import java.util.UUID;

/**
 * Published in the transaction that registered a file sent through an upload request;
 * {@code uploaderEmail} is null when the visitor gave none.
 */
public record UploadRequestReceived(UUID requestId, UUID ownerId, UUID fileId, String folder, String name, long size,
		String uploaderEmail) {
}
