package dev.ferry.admin;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import dev.ferry.audit.ActivityCounts;
import dev.ferry.auth.AccountStats;
import dev.ferry.auth.Role;
import dev.ferry.files.StorageStats;
import dev.ferry.share.transfer.TransferStatsQuery;
import dev.ferry.testing.Databases;
import dev.ferry.testing.TestAccounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * The queries behind the dashboard, each asked of the module that owns its table, on
 * every supported database.
 */
class StatsQueriesTests {

	private static final long DAY = ActivityCounts.DAY_MILLIS;

	/** Noon of 2026-11-20 UTC. */
	private static final long NOON = LocalDate.of(2026, 11, 20).toEpochDay() * DAY + DAY / 2;

	private final AtomicLong seq = new AtomicLong();

	@ParameterizedTest
	@EnumSource(Databases.Vendor.class)
	void countsActivityPerUtcDayWithQuietDaysAsZeros(Databases.Vendor vendor) {
		try (Databases.Fresh db = Databases.migrated(vendor)) {
			JdbcClient jdbc = db.jdbc();
			audit(jdbc, NOON - DAY, "file.created", "success", "{\"path\":\"/a\",\"size\":100}");
			audit(jdbc, NOON, "file.created", "success", "{\"path\":\"/b\",\"size\":20}");
			audit(jdbc, NOON + 1, "file.created", "success", "{\"path\":\"/c\",\"size\":3}");
			audit(jdbc, NOON, "file.download", "success", "{\"bytes\":120,\"completed\":true}");
			audit(jdbc, NOON, "share.download_completed", "success", "{\"bytes\":7,\"completed\":true}");
			audit(jdbc, NOON, "file.download", "failure", "{\"bytes\":5,\"completed\":false}");
			audit(jdbc, NOON, "auth.login", "failure", "{\"reason\":\"wrong_password\"}");
			audit(jdbc, NOON, "auth.login", "denied", "{\"reason\":\"rate_limited\"}");
			audit(jdbc, NOON, "auth.mfa", "failure", "{}");
			audit(jdbc, NOON, "auth.login", "success", "{\"method\":\"password\"}");
			audit(jdbc, NOON, "file.read", "success", "{}");
			audit(jdbc, NOON + DAY, "file.created", "success", "{\"size\":999}");

			ActivityCounts stats = new ActivityCounts(jdbc);
			ActivityTally tally = new ActivityTally(JsonMapper.builder().build());
			Instant from = Instant.ofEpochMilli(NOON - DAY - DAY / 2);
			Instant until = Instant.ofEpochMilli(NOON + DAY / 2);
			stats.perDay(ActivityTally.COUNTED, from, until).forEach(tally::count);
			stats.successes(ActivityTally.WITH_BYTES, from, until, tally::bytes);
			long today = NOON / DAY;
			List<ActivityDay> series = tally.series(today - 2, today);

			LocalDate date = LocalDate.of(2026, 11, 20);
			assertThat(series).containsExactly(new ActivityDay(date.minusDays(2), 0, 0, 0, 0, 0, 0),
					new ActivityDay(date.minusDays(1), 1, 100, 0, 0, 0, 0), new ActivityDay(date, 2, 23, 2, 127, 3, 1));
			assertThat(tally.totals()).isEqualTo(new ActivityTotals(3, 123, 2, 127, 3, 1));
		}
	}

	/** A row edited in the database to details that are no JSON costs its bytes only. */
	@Test
	void detailsThatAreNoJsonCountNoBytesInsteadOfFailing() {
		ActivityTally tally = new ActivityTally(JsonMapper.builder().build());
		long today = NOON / DAY;

		tally.bytes(new ActivityCounts.Detailed(today, "file.created", "not json"));
		tally.bytes(new ActivityCounts.Detailed(today, "file.created", "{\"size\":5}"));

		assertThat(tally.totals().uploadBytes()).isEqualTo(5);
	}

	@ParameterizedTest
	@EnumSource(Databases.Vendor.class)
	void countsAccountsFilesTransfersAndStoragePerOwner(Databases.Vendor vendor) {
		try (Databases.Fresh db = Databases.migrated(vendor)) {
			JdbcClient jdbc = db.jdbc();
			String big = user(jdbc, "big@ferry.test", "ACTIVE", 5000L);
			String small = user(jdbc, "small@ferry.test", "SUSPENDED", null);
			String empty = user(jdbc, "empty@ferry.test", "ACTIVE", null);
			file(jdbc, big, "a", 3000);
			file(jdbc, big, "b", 1000);
			file(jdbc, small, "c", 10);
			transfer(jdbc, big, "active", NOON + DAY);
			transfer(jdbc, big, "active", NOON - 1);
			transfer(jdbc, big, "revoked", NOON + DAY);

			AccountStats accounts = new AccountStats(jdbc);
			StorageStats storage = new StorageStats(jdbc);
			assertThat(accounts.countsByStatus()).containsEntry("ACTIVE", 2L).containsEntry("SUSPENDED", 1L);
			assertThat(storage.totals()).isEqualTo(new StorageStats.Totals(3, 4010));
			assertThat(new TransferStatsQuery(jdbc).active(Instant.ofEpochMilli(NOON))).isEqualTo(1);
			assertThat(storage.byOwner()).containsOnly(entry(big, new StorageStats.Totals(2, 4000)),
					entry(small, new StorageStats.Totals(1, 10)));
			assertThat(accounts.summaries()).containsExactly(
					new AccountStats.AccountSummary(big, "big@ferry.test", "Big", Role.USER, 5000L),
					new AccountStats.AccountSummary(empty, "empty@ferry.test", "Empty", Role.USER, null),
					new AccountStats.AccountSummary(small, "small@ferry.test", "Small", Role.USER, null));
		}
	}

	private void audit(JdbcClient jdbc, long at, String action, String outcome, String details) {
		long n = seq.incrementAndGet();
		jdbc.sql("""
				INSERT INTO audit_log (seq, id, occurred_at, actor_type, action, outcome, details, prev_hash, hash)
				VALUES (?, ?, ?, 'user', ?, ?, ?, 'p', 'h')""")
			.params(n, UUID.randomUUID().toString(), at, action, outcome, details)
			.update();
	}

	private static String user(JdbcClient jdbc, String email, String status, Long quota) {
		String name = Character.toUpperCase(email.charAt(0)) + email.substring(1, email.indexOf('@'));
		return TestAccounts.row()
			.email(email)
			.name(name)
			.status(status)
			.quotaBytes(quota)
			.createdAt(NOON)
			.insert(jdbc)
			.toString();
	}

	private static void file(JdbcClient jdbc, String owner, String name, long size) {
		jdbc.sql("""
				INSERT INTO files (id, owner_id, folder, name, name_lower, content_type, size, sha256, blob_id,
				  created_at, modified_at)
				VALUES (?, ?, '/', ?, ?, 'text/plain', ?, 'x', ?, ?, ?)""")
			.params(UUID.randomUUID().toString(), owner, name, name, size, UUID.randomUUID().toString(), NOON, NOON)
			.update();
	}

	private static void transfer(JdbcClient jdbc, String owner, String status, long expiresAt) {
		jdbc.sql("""
				INSERT INTO transfers (id, owner_id, title, status, expires_at, show_sender_email, notify_sender,
				  delete_files_on_expiry, created_at, updated_at)
				VALUES (?, ?, 't', ?, ?, FALSE, FALSE, FALSE, ?, ?)""")
			.params(UUID.randomUUID().toString(), owner, status, expiresAt, NOON, NOON)
			.update();
	}

}
