package dev.ferry.files;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import dev.ferry.audit.AuditActor;
import dev.ferry.audit.AuditEvent;
import dev.ferry.auth.UserDeletionStarted;
import dev.ferry.files.TrashRepository.Trashed;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Removes trashed files for good: each blob (older versions first, then the current one)
 * is crypto-shredded before the row goes, so a node dying half-way leaves work the next
 * run finishes and never a readable orphan. Runs when the owner empties the trash, when a
 * file's {@code FERRY_TRASH_DAYS} are over (the {@code trash-sweep} job, one node per
 * run), when the retention policy for trash says so, and when an account is deleted.
 */
@Component
class TrashShredder implements AgedTrash {

	private static final int BATCH = 500;

	private final TrashRepository trash;

	private final VersionStore versions;

	private final FilesProperties properties;

	private final Clock clock;

	TrashShredder(TrashRepository trash, VersionStore versions, FilesProperties properties, Clock clock) {
		this.trash = trash;
		this.versions = versions;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Shreds one trashed file; audited as {@code file.purged} with {@code reason}. False
	 * when it had left the trash meanwhile (restored, or shredded by another run).
	 */
	boolean shred(Trashed file, String reason, AuditActor actor) {
		AuditEvent event = AuditEvent.success("file.purged")
			.object("file", file.id())
			.detail("path", file.path())
			.detail("size", file.size())
			.detail("reason", reason);
		return versions.shred(file.id(), file.blobId(), () -> trash.delete(file),
				(actor != null) ? event.by(actor) : event);
	}

	/** Everything in the owner's trash; how many files went. */
	int empty(UUID ownerId, String reason) {
		return (int) shredAll(() -> trash.someOwnedBy(ownerId, BATCH), reason, null);
	}

	void sweep() {
		Instant cutoff = clock.instant().minus(Duration.ofDays(properties.trash().days()));
		shredAll(() -> trash.trashedBefore(cutoff, BATCH), "trash_expired", AuditActor.system());
	}

	@Override
	public long countTrashedBefore(Instant cutoff) {
		return trash.countTrashedBefore(cutoff);
	}

	@Override
	public long shredTrashedBefore(Instant cutoff) {
		return shredAll(() -> trash.trashedBefore(cutoff, BATCH), "retention", null);
	}

	/** Shreds batch after batch until {@code next} finds none; how many went. */
	private long shredAll(Supplier<List<Trashed>> next, String reason, AuditActor actor) {
		long count = 0;
		for (List<Trashed> batch = next.get(); !batch.isEmpty(); batch = next.get()) {
			for (Trashed file : batch) {
				if (shred(file, reason, actor)) {
					count++;
				}
			}
		}
		return count;
	}

	@EventListener
	void on(UserDeletionStarted event) {
		empty(event.userId(), "account_deleted");
	}

}
