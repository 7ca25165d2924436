package dev.ferry.share.transfer;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * One row of {@code transfers}. The stored status only moves from active to expired (by
 * the sweeper) or revoked (by the owner); {@link #status(Instant)} also treats an active
 * transfer past its expiry as expired, so links stop the moment it ends.
 */
public record Transfer(UUID id, UUID ownerId, String title, String message, Status status, Instant expiresAt,
		boolean showSenderEmail, boolean notifySender, boolean deleteFilesOnExpiry, Instant createdAt,
		Instant updatedAt, Instant firstDownloadAt, Instant endedAt, Instant purgedAt) {

	public enum Status {

		ACTIVE, EXPIRED, REVOKED;

		String apiName() {
			return name().toLowerCase(Locale.ROOT);
		}

		static Status of(String name) {
			return valueOf(name.toUpperCase(Locale.ROOT));
		}

	}

	/**
	 * The {@code updated_at} of a change made from this reading: later than this one's
	 * even within its millisecond, so a second change made from this reading fails.
	 */
	Instant nextStamp(Instant now) {
		return now.isAfter(updatedAt) ? now : updatedAt.plusMillis(1);
	}

	public Status status(Instant now) {
		return (status == Status.ACTIVE && !now.isBefore(expiresAt)) ? Status.EXPIRED : status;
	}

	public boolean isLive(Instant now) {
		return status(now) == Status.ACTIVE;
	}

}
