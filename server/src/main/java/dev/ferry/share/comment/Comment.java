package dev.ferry.share.comment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One row of {@code comments}. */
record Comment(UUID id, String objectType, UUID objectId, UUID authorId, String body, List<UUID> mentions,
		Instant createdAt) {
}
