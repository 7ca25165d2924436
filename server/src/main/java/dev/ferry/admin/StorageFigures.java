package dev.ferry.admin;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import dev.ferry.auth.AccountStats;
import dev.ferry.files.FileCatalog;
import dev.ferry.files.StorageStats;

import org.springframework.stereotype.Component;

/**
 * The dashboard's storage figures: the server's totals and accounts ranked by the bytes
 * they use, each with its quota, asked of the files and auth modules.
 */
@Component
class StorageFigures {

	private final AccountStats accounts;

	private final StorageStats storage;

	private final FileCatalog files;

	StorageFigures(AccountStats accounts, StorageStats storage, FileCatalog files) {
		this.accounts = accounts;
		this.storage = storage;
		this.files = files;
	}

	StorageStats.Totals totals() {
		return this.storage.totals();
	}

	/**
	 * Accounts by the bytes their files use, largest first, then by email; accounts
	 * without files count as zero.
	 */
	List<UserStorage> largest(int limit) {
		Map<String, StorageStats.Totals> usage = this.storage.byOwner();
		StorageStats.Totals none = new StorageStats.Totals(0, 0);
		return this.accounts.summaries()
			.stream()
			.map((account) -> withQuota(account, usage.getOrDefault(account.id(), none)))
			.sorted(Comparator.comparingLong(UserStorage::bytes).reversed())
			.limit(limit)
			.toList();
	}

	private UserStorage withQuota(AccountStats.AccountSummary account, StorageStats.Totals usage) {
		var quota = this.files.quotaLimit(account.role(), account.ownQuota());
		return new UserStorage(account.id(), account.email(), account.name(), usage.bytes(), usage.files(),
				quota.isPresent() ? quota.getAsLong() : null);
	}

}
