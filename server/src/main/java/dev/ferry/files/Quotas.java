package dev.ferry.files;

import java.time.Instant;
import java.util.UUID;

import dev.ferry.auth.Accounts;
import dev.ferry.auth.CurrentUser;
import dev.ferry.auth.Role;
import dev.ferry.auth.User;

import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Storage quotas: the account's own {@code quota_bytes}, else the default of its role
 * ({@code FERRY_QUOTA_DEFAULT_*}); {@link Long#MAX_VALUE} means unlimited. What is left
 * is the limit minus the owner's files minus the bytes uploads in flight have reserved
 * ({@link QuotaLedger}).
 */
@Component
class Quotas {

	static final long UNLIMITED = Long.MAX_VALUE;

	private final Accounts accounts;

	private final FilesProperties.Quota defaults;

	private final QuotaLedger ledger;

	Quotas(Accounts accounts, FilesProperties properties, QuotaLedger ledger) {
		this.accounts = accounts;
		this.defaults = properties.quota();
		this.ledger = ledger;
	}

	long remaining(CurrentUser owner) {
		return remaining(owner, null);
	}

	/** What is left, not counting reservation {@code exceptId} (the caller's own). */
	long remaining(CurrentUser owner, UUID exceptId) {
		long limit = limit(owner);
		return (limit == UNLIMITED) ? UNLIMITED : ledger.remaining(owner.userId(), limit, exceptId);
	}

	/** See {@link QuotaLedger#reserve}; an unlimited owner needs no reservation. */
	QuotaLedger.Grant reserve(CurrentUser owner, UUID id, long wanted, long minimum, Instant until) {
		long limit = limit(owner);
		if (limit == UNLIMITED) {
			return new QuotaLedger.Grant(true, wanted, UNLIMITED);
		}
		return ledger.reserve(owner.userId(), limit, id, wanted, minimum, until);
	}

	Instant now() {
		return ledger.now();
	}

	void extend(UUID id, Instant until) {
		ledger.extend(id, until);
	}

	/** Gives a reservation's bytes back (a failed upload). */
	void release(UUID id) {
		ledger.release(id);
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

}
