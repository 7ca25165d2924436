package dev.ferry.files;

import java.util.UUID;

/**
 * A plain upload stored a file; {@code channel} says how it arrived: {@code plain} (HTTP
 * PUT, multipart) or {@code sftp}.
 */
public record FileUploaded(UUID fileId, UUID ownerId, String folder, String name, long size, String sha256,
		String contentType, String channel) {
}
