package dev.ferry.files;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import dev.ferry.auth.Accounts;
import dev.ferry.auth.CurrentUser;
import dev.ferry.auth.Role;
import dev.ferry.auth.User;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.util.unit.DataSize;

/**
 * Storage quotas: the account's own {@code quota_bytes}, else the default of its role
 * ({@code FERRY_QUOTA_DEFAULT_*}); {@link Long#MAX_VALUE} means unlimited. What is left
 * is the limit minus the owner's files minus the bytes uploads in flight have reserved.
 * Reserving checks and takes room in one transaction under the owner's lock row, so
 * parallel uploads cannot all see the same room and together overshoot it.
 */
@Component
class Quotas {

	static final long UNLIMITED = Long.MAX_VALUE;

	private final Accounts accounts;

	private final FilesProperties.Quota defaults;

	private final FileRepository files;

	private final QuotaReservations reservations;

	private final TransactionOperations transactions;

	private final Clock clock;

	Quotas(Accounts accounts, FilesProperties properties, FileRepository files, QuotaReservations reservations,
			TransactionOperations transactions, Clock clock) {
		this.accounts = accounts;
		this.defaults = properties.quota();
		this.files = files;
		this.reservations = reservations;
		this.transactions = transactions;
		this.clock = clock;
	}

	long remaining(CurrentUser owner) {
		return remaining(owner, null);
	}

	/** What is left, not counting reservation {@code exceptId} (the caller's own). */
	long remaining(CurrentUser owner, UUID exceptId) {
		long limit = limit(owner);
		if (limit == UNLIMITED) {
			return UNLIMITED;
		}
		long held = reservations.held(owner.userId(), exceptId, clock.instant());
		return Math.max(0, limit - files.usedBytes(owner.userId()) - held);
	}

	/**
	 * Sets reservation {@code id} to {@code wanted} bytes, or to as much as is left if
	 * that is still at least {@code minimum}; otherwise leaves it as it was. It lasts
	 * until {@code until} unless renewed, released, or turned into a file.
	 */
	Grant reserve(CurrentUser owner, UUID id, long wanted, long minimum, Instant until) {
		if (limit(owner) == UNLIMITED) {
			return new Grant(true, wanted, UNLIMITED);
		}
		return transactions.execute((status) -> {
			Instant now = clock.instant();
			reservations.lock(owner.userId());
			reservations.purgeExpired(owner.userId(), now);
			long room = remaining(owner, id);
			long granted = Math.min(wanted, room);
			if (granted < minimum) {
				return new Grant(false, 0, room);
			}
			reservations.put(id, owner.userId(), granted, until);
			return new Grant(true, granted, room);
		});
	}

	Instant now() {
		return clock.instant();
	}

	void extend(UUID id, Instant until) {
		reservations.extend(id, until);
	}

	/** Gives a reservation's bytes back (a failed upload). */
	void release(UUID id) {
		reservations.release(id);
	}

	private long limit(CurrentUser owner) {
		return limit(owner.role(), accounts.find(owner.userId()).map(User::quotaBytes).orElse(null));
	}

	/** The account's own quota if it has one, else its role's default. */
	long limit(Role role, Long own) {
		return (own != null) ? own : bytes(defaultFor(role));
	}

	private DataSize defaultFor(Role role) {
		return switch (role) {
			case ADMIN -> defaults.defaultAdmin();
			case USER -> defaults.defaultUser();
			case GUEST -> defaults.defaultGuest();
		};
	}

	private static long bytes(DataSize size) {
		return (size == null) ? UNLIMITED : Math.max(0, size.toBytes());
	}

	/**
	 * {@code bytes} is what the reservation now holds; {@code room} what was left for it.
	 */
	record Grant(boolean granted, long bytes, long room) {
	}

}
