package dev.ferry.files;

import java.util.UUID;

/** A plain upload (HTTP PUT, multipart, SFTP) stored a file. */
public record FileUploaded(UUID fileId, UUID ownerId, String folder, String name, long size, String sha256,
		String contentType) {
}
