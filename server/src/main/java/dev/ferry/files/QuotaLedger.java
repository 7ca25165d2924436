package dev.ferry.files;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The bytes an owner has against a limit: their files plus the live reservations of
 * uploads in flight. Reserving checks and takes room in one transaction under the owner's
 * lock row, so parallel uploads cannot all see the same room and together overshoot it,
 * on SQLite and PostgreSQL alike.
 */
@Component
class QuotaLedger {

	private final FileRepository files;

	private final QuotaReservations reservations;

	private final TransactionOperations transactions;

	private final Clock clock;

	QuotaLedger(FileRepository files, QuotaReservations reservations, TransactionOperations transactions, Clock clock) {
		this.files = files;
		this.reservations = reservations;
		this.transactions = transactions;
		this.clock = clock;
	}

	Instant now() {
		return clock.instant();
	}

	/** What is left of {@code limit}, not counting reservation {@code exceptId}. */
	long remaining(UUID ownerId, long limit, UUID exceptId) {
		long held = reservations.held(ownerId, exceptId, clock.instant());
		return Math.max(0, limit - files.usedBytes(ownerId) - held);
	}

	/**
	 * Sets reservation {@code id} to {@code wanted} bytes, or to as much as is left if
	 * that is still at least {@code minimum}; otherwise leaves it as it was. It lasts
	 * until {@code until} unless renewed, released, or turned into a file.
	 */
	Grant reserve(UUID ownerId, long limit, UUID id, long wanted, long minimum, Instant until) {
		return transactions.execute((status) -> {
			reservations.lock(ownerId);
			reservations.purgeExpired(ownerId, clock.instant());
			long room = remaining(ownerId, limit, id);
			long granted = Math.min(wanted, room);
			if (granted < minimum) {
				return new Grant(false, 0, room);
			}
			reservations.put(id, ownerId, granted, until);
			return new Grant(true, granted, room);
		});
	}

	void extend(UUID id, Instant until) {
		reservations.extend(id, until);
	}

	void release(UUID id) {
		reservations.release(id);
	}

	/**
	 * {@code bytes} is what the reservation now holds; {@code room} what was left for it.
	 */
	record Grant(boolean granted, long bytes, long room) {
	}

}
