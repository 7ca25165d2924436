package dev.ferry.files;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Every file of one account, a page at a time in id order, for modules that work on a
 * whole account (its data export). Content is read through {@link FileContent}.
 */
public interface OwnedFiles {

	/** The owner's files with an id after {@code afterId} ("" for the first page). */
	List<OwnedFile> page(UUID ownerId, String afterId, int limit);

	/**
	 * {@code scanStatus} as the file JSON shows it; only a servable file has content.
	 * {@code allowedIps}: the networks the owner limited its downloads to, if any.
	 */
	record OwnedFile(UUID id, String path, String contentType, long size, String sha256, String scanStatus,
			List<String> allowedIps, Instant createdAt, Instant modifiedAt) {
	}

}
