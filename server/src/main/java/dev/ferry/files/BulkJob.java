package dev.ferry.files;

import java.time.Instant;
import java.util.UUID;

/**
 * One bulk operation's progress: {@code done} items succeeded, {@code skipped} were left
 * as they were (a move's conflict with {@code skip}), {@code failed} could not be done
 * (unknown id, refused); {@code status} is {@code running} until all {@code total} are
 * through, then {@code done}.
 */
record BulkJob(UUID id, UUID ownerId, String operation, String status, int total, int done, int skipped, int failed,
		Instant createdAt, Instant updatedAt) {

	static final String RUNNING = "running";

	static final String DONE = "done";

	static BulkJob start(UUID ownerId, String operation, int total, Instant now) {
		return new BulkJob(UUID.randomUUID(), ownerId, operation, RUNNING, total, 0, 0, 0, now, now);
	}

	BulkJob count(BulkOutcome outcome, Instant now) {
		return new BulkJob(id, ownerId, operation, status, total, done + (outcome == BulkOutcome.DONE ? 1 : 0),
				skipped + (outcome == BulkOutcome.SKIPPED ? 1 : 0), failed + (outcome == BulkOutcome.FAILED ? 1 : 0),
				createdAt, now);
	}

	BulkJob finished(Instant now) {
		return new BulkJob(id, ownerId, operation, DONE, total, done, skipped, failed, createdAt, now);
	}

	/** What happened to one item. */
	enum BulkOutcome {

		DONE, SKIPPED, FAILED

	}

}
