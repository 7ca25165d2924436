package dev.ferry.files;

import dev.ferry.auth.Accounts;
import dev.ferry.auth.CurrentUser;
import dev.ferry.auth.Role;
import dev.ferry.auth.User;

import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Storage quotas: the account's own {@code quota_bytes}, else the default of its role
 * ({@code FERRY_QUOTA_DEFAULT_*}); {@link Long#MAX_VALUE} means unlimited.
 */
@Component
class Quotas {

	static final long UNLIMITED = Long.MAX_VALUE;

	private final Accounts accounts;

	private final FilesProperties.Quota defaults;

	private final FileRepository files;

	Quotas(Accounts accounts, FilesProperties properties, FileRepository files) {
		this.accounts = accounts;
		this.defaults = properties.quota();
		this.files = files;
	}

	long remaining(CurrentUser owner) {
		long limit = limit(owner);
		if (limit == UNLIMITED) {
			return UNLIMITED;
		}
		return Math.max(0, limit - files.usedBytes(owner.userId()));
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
