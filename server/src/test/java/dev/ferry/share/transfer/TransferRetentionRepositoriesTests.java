package dev.ferry.share.transfer;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.ferry.audit.AuditEvent;
import dev.ferry.testing.Databases.Vendor;
import dev.ferry.testing.EveryVendor;
import dev.ferry.testing.TestAccounts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retention's SQL for ended transfers on SQLite, a real PostgreSQL and a real MariaDB:
 * only swept transfers that ended before the cutoff go, and their recipients, links and
 * download log go with them on every vendor.
 */
class TransferRetentionRepositoriesTests extends EveryVendor {

	private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

	@ParameterizedTest(name = "{0}")
	@MethodSource("databases")
	void sweptTransfersEndedBeforeTheCutoffGoWithWhatHangsOnThem(Vendor vendor, JdbcClient jdbc) {
		List<AuditEvent> audited = new ArrayList<>();
		TransferRetention retention = new TransferRetention(jdbc, audited::add);
		UUID owner = TestAccounts.insertUser(jdbc);
		Instant old = NOW.minus(Duration.ofDays(20));
		Instant cutoff = NOW.minus(Duration.ofDays(10));
		String gone = transfer(jdbc, owner, old, old);
		String unswept = transfer(jdbc, owner, old, null);
		String young = transfer(jdbc, owner, NOW, NOW);
		String live = transfer(jdbc, owner, null, null);
		long before = retention.countEndedBefore(cutoff);

		assertThat(before).isEqualTo(1);
		assertThat(retention.deleteEndedBefore(cutoff)).isEqualTo(1);

		assertThat(count(jdbc, "transfers", gone)).isZero();
		assertThat(count(jdbc, "transfer_recipients", gone)).isZero();
		assertThat(count(jdbc, "share_links", gone)).isZero();
		assertThat(count(jdbc, "share_downloads", gone)).isZero();
		for (String kept : List.of(unswept, young, live)) {
			assertThat(count(jdbc, "transfers", kept)).isEqualTo(1);
			assertThat(count(jdbc, "share_downloads", kept)).isEqualTo(1);
		}
		assertThat(audited).extracting(AuditEvent::action).containsExactly("transfer.deleted");
		assertThat(retention.countEndedBefore(cutoff)).isZero();
	}

	private static String transfer(JdbcClient jdbc, UUID owner, Instant endedAt, Instant purgedAt) {
		String id = UUID.randomUUID().toString();
		jdbc.sql("INSERT INTO transfers (id, owner_id, title, status, expires_at, show_sender_email, notify_sender, "
				+ "delete_files_on_expiry, created_at, updated_at, ended_at, purged_at) "
				+ "VALUES (?, ?, 'T', ?, ?, FALSE, FALSE, FALSE, ?, ?, ?, ?)")
			.params(id, owner.toString(), (endedAt != null) ? "revoked" : "active", NOW.toEpochMilli() + 86_400_000L,
					NOW.toEpochMilli(), NOW.toEpochMilli(), (endedAt != null) ? endedAt.toEpochMilli() : null,
					(purgedAt != null) ? purgedAt.toEpochMilli() : null)
			.update();
		jdbc.sql("INSERT INTO transfer_recipients (id, transfer_id, email) VALUES (?, ?, ?)")
			.params(UUID.randomUUID().toString(), id, "to-" + id + "@ferry.test")
			.update();
		String link = UUID.randomUUID().toString();
		jdbc.sql("INSERT INTO share_links (id, transfer_id, token_hash, created_at, expires_at, downloads, "
				+ "require_email_verification, notify_on_download) VALUES (?, ?, ?, ?, ?, 0, FALSE, FALSE)")
			.params(link, id, "h" + id, NOW.toEpochMilli(), NOW.toEpochMilli() + 86_400_000L)
			.update();
		jdbc.sql("INSERT INTO share_downloads (id, link_id, transfer_id, kind, bytes, completed, started_at) "
				+ "VALUES (?, ?, ?, 'zip', 0, FALSE, ?)")
			.params(UUID.randomUUID().toString(), link, id, NOW.toEpochMilli())
			.update();
		return id;
	}

	private static long count(JdbcClient jdbc, String table, String transferId) {
		String column = table.equals("transfers") ? "id" : "transfer_id";
		return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE " + column + " = ?")
			.param(transferId)
			.query(Long.class)
			.single();
	}

}
