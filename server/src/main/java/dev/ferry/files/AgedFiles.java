package dev.ferry.files;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Files by age, for retention: the oldest first, by upload time. Removing one goes
 * through {@link FileContent#purgeContent}, which crypto-shreds and audits it unless a
 * new version replaced the content listed here meanwhile.
 */
public interface AgedFiles {

	/** Files uploaded before {@code cutoff}, oldest first, at most {@code limit}. */
	List<AgedFile> uploadedBefore(Instant cutoff, int limit);

	/** How many files were uploaded before {@code cutoff}. */
	long countUploadedBefore(Instant cutoff);

	/** {@code blobId}: the content that was this old when listed. */
	record AgedFile(UUID id, UUID ownerId, String path, long size, Instant createdAt, UUID blobId) {
	}

}
