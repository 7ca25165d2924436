package dev.ferry.share;

import java.util.UUID;

/**
 * Published when a download through a share link ran to its end: one file
 * ({@code fileId}) or the whole transfer as a ZIP ({@code fileId} null). {@code email} is
 * the recipient's address when the link knows it.
 */
public record TransferDownloaded(UUID transferId, UUID ownerId, UUID linkId, UUID fileId, String email, long bytes) {
}
