package dev.ferry.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import dev.ferry.audit.ActivityCounts;
import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.AccessPolicy;
import dev.ferry.auth.AccountStats;
import dev.ferry.auth.CurrentUser;
import dev.ferry.files.StorageStats;
import dev.ferry.share.TransferStats;

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

	private final StorageFigures storage;

	private final TransferStats transfers;

	private final ActivityTallies activity;

	private final AuditLog audit;

	private final Clock clock;

	private final AccessPolicy access;

	AdminStats(AccountStats accounts, StorageFigures storage, TransferStats transfers, ActivityTallies activity,
			AuditLog audit, Clock clock, AccessPolicy access) {
		this.access = access;
		this.accounts = accounts;
		this.storage = storage;
		this.transfers = transfers;
		this.activity = activity;
		this.audit = audit;
		this.clock = clock;
	}

	StatsOverview overview(CurrentUser caller) {
		access.requireAdmin(caller, "admin.stats_overview");
		Instant now = clock.instant();
		Map<String, Long> byStatus = accounts.countsByStatus();
		long active = byStatus.getOrDefault("ACTIVE", 0L);
		long suspended = byStatus.getOrDefault("SUSPENDED", 0L);
		StorageStats.Totals totals = storage.totals();
		ActivityTally last24h = activity.between(now.minus(Duration.ofDays(1)), now);
		StatsOverview overview = new StatsOverview(new StatsOverview.Users(active + suspended, active, suspended),
				totals.files(), totals.bytes(), transfers.active(now), last24h.totals(), storage.largest(TOP_STORAGE),
				now);
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
		ActivityTally tally = activity.between(Instant.ofEpochMilli(first * ActivityCounts.DAY_MILLIS), now);
		StatsActivity result = new StatsActivity(days, LocalDate.ofEpochDay(first), LocalDate.ofEpochDay(today),
				tally.series(first, today), tally.totals());
		audit.record(AuditEvent.success("admin.stats_activity").detail("days", days));
		return result;
	}

	List<UserStorage> storage(CurrentUser caller, int limit) {
		access.requireAdmin(caller, "admin.stats_storage");
		if (limit < 1 || limit > MAX_LIMIT) {
			throw AdminException.outOfRange("limit", 1, MAX_LIMIT);
		}
		List<UserStorage> largest = storage.largest(limit);
		audit.record(AuditEvent.success("admin.stats_storage").detail("limit", limit));
		return largest;
	}

}
