package dev.ferry.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import dev.ferry.audit.ActivityCounts;
import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.AccessPolicy;
import dev.ferry.auth.AccountStats;
import dev.ferry.auth.CurrentUser;
import dev.ferry.files.FileCatalog;
import dev.ferry.files.StorageStats;
import dev.ferry.share.TransferStats;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;

/**
 * Server-wide figures for the admin dashboard, asked of the modules that own them
 * (accounts, files, transfers, the audit trail). Admins only; every read is audited like
 * any other admin read.
 */
@Service
class AdminStats {

	static final int MAX_DAYS = 365;

	static final int MAX_LIMIT = 100;

	private static final int TOP_STORAGE = 5;

	private final AccountStats accounts;

	private final StorageStats storage;

	private final TransferStats transfers;

	private final ActivityCounts activity;

	private final FileCatalog files;

	private final AuditLog audit;

	private final JsonMapper json;

	private final Clock clock;

	private final AccessPolicy access;

	AdminStats(AccountStats accounts, StorageStats storage, TransferStats transfers, ActivityCounts activity,
			FileCatalog files, AuditLog audit, JsonMapper json, Clock clock, AccessPolicy access) {
		this.access = access;
		this.accounts = accounts;
		this.storage = storage;
		this.transfers = transfers;
		this.activity = activity;
		this.files = files;
		this.audit = audit;
		this.json = json;
		this.clock = clock;
	}

	StatsOverview overview(CurrentUser caller) {
		access.requireAdmin(caller, "admin.stats_overview");
		Instant now = clock.instant();
		Map<String, Long> byStatus = accounts.countsByStatus();
		long active = byStatus.getOrDefault("ACTIVE", 0L);
		long suspended = byStatus.getOrDefault("SUSPENDED", 0L);
		StorageStats.Totals totals = storage.totals();
		ActivityTally last24h = tally(now.minus(Duration.ofDays(1)), now);
		StatsOverview overview = new StatsOverview(new StatsOverview.Users(active + suspended, active, suspended),
				totals.files(), totals.bytes(), transfers.active(now), last24h.totals(), storage(TOP_STORAGE), now);
		audit.record(AuditEvent.success("admin.stats_overview"));
		return overview;
	}

	/**
	 * The last {@code days} UTC days, today included, with a zero entry for quiet days.
	 */
	StatsActivity activity(CurrentUser caller, int days) {
		access.requireAdmin(caller, "admin.stats_activity");
		if (days < 1 || days > MAX_DAYS) {
			throw AdminException.outOfRange("days", 1, MAX_DAYS);
		}
		Instant now = clock.instant();
		long today = now.toEpochMilli() / ActivityCounts.DAY_MILLIS;
		long first = today - days + 1;
		ActivityTally tally = tally(Instant.ofEpochMilli(first * ActivityCounts.DAY_MILLIS), now);
		StatsActivity activity = new StatsActivity(days, LocalDate.ofEpochDay(first), LocalDate.ofEpochDay(today),
				tally.series(first, today), tally.totals());
		audit.record(AuditEvent.success("admin.stats_activity").detail("days", days));
		return activity;
	}

	List<UserStorage> storage(CurrentUser caller, int limit) {
		access.requireAdmin(caller, "admin.stats_storage");
		if (limit < 1 || limit > MAX_LIMIT) {
			throw AdminException.outOfRange("limit", 1, MAX_LIMIT);
		}
		List<UserStorage> storage = storage(limit);
		audit.record(AuditEvent.success("admin.stats_storage").detail("limit", limit));
		return storage;
	}

	private ActivityTally tally(Instant from, Instant until) {
		Instant end = until.plusMillis(1);
		ActivityTally tally = new ActivityTally(json);
		activity.perDay(ActivityTally.COUNTED, from, end).forEach(tally::count);
		activity.successes(ActivityTally.WITH_BYTES, from, end, tally::bytes);
		return tally;
	}

	/**
	 * Accounts by the bytes their files use, largest first, then by email; accounts
	 * without files count as zero.
	 */
	private List<UserStorage> storage(int limit) {
		Map<String, StorageStats.Totals> usage = storage.byOwner();
		StorageStats.Totals none = new StorageStats.Totals(0, 0);
		return accounts.summaries()
			.stream()
			.map((account) -> withQuota(account, usage.getOrDefault(account.id(), none)))
			.sorted(Comparator.comparingLong(UserStorage::bytes).reversed())
			.limit(limit)
			.toList();
	}

	private UserStorage withQuota(AccountStats.AccountSummary account, StorageStats.Totals usage) {
		var quota = files.quotaLimit(account.role(), account.ownQuota());
		return new UserStorage(account.id(), account.email(), account.name(), usage.bytes(), usage.files(),
				quota.isPresent() ? quota.getAsLong() : null);
	}

}
