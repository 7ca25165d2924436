package dev.ferry.gdpr;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/** One row of {@code gdpr_exports}. */
record ExportRequest(UUID id, UUID userId, Status status, Instant requestedAt, Instant finishedAt, UUID blobId,
		Long size, Instant expiresAt) {

	enum Status {

		PENDING, BUILDING, READY, FAILED;

		String dbName() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

}
