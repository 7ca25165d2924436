package dev.ferry.files;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.ferry.testing.Databases;
import dev.ferry.testing.TestAccounts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reservations on each database from real threads with their own connections: on
 * PostgreSQL (read committed) only the owner's lock row keeps parallel reservations from
 * all seeing the same room.
 */
class QuotaLedgerTests {

	private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

	@ParameterizedTest
	@EnumSource(Databases.Vendor.class)
	void parallelReservationsNeverTogetherPassTheLimit(Databases.Vendor vendor) throws Exception {
		try (Databases.Fresh db = Databases.migrated(vendor)) {
			QuotaLedger ledger = ledger(db, NOW);
			UUID owner = TestAccounts.insertUser(db.jdbc());
			CyclicBarrier start = new CyclicBarrier(8);
			ExecutorService threads = Executors.newFixedThreadPool(8);
			List<QuotaLedger.Grant> grants = new ArrayList<>();
			try {
				List<Future<QuotaLedger.Grant>> sent = new ArrayList<>();
				for (int i = 0; i < 8; i++) {
					sent.add(threads.submit(() -> {
						start.await();
						return ledger.reserve(owner, 1000, UUID.randomUUID(), 400, 400, NOW.plusSeconds(60));
					}));
				}
				for (Future<QuotaLedger.Grant> grant : sent) {
					grants.add(grant.get());
				}
			}
			finally {
				threads.shutdownNow();
			}
			assertThat(grants).filteredOn(QuotaLedger.Grant::granted).hasSize(2);
			assertThat(ledger.remaining(owner, 1000, null)).isEqualTo(200);
		}
	}

	@ParameterizedTest
	@EnumSource(Databases.Vendor.class)
	void aReservationGrowsShrinksIsReleasedAndExpires(Databases.Vendor vendor) {
		try (Databases.Fresh db = Databases.migrated(vendor)) {
			QuotaLedger ledger = ledger(db, NOW);
			UUID owner = TestAccounts.insertUser(db.jdbc());
			UUID upload = UUID.randomUUID();
			UUID other = UUID.randomUUID();

			assertThat(ledger.reserve(owner, 1000, upload, 300, 300, NOW.plusSeconds(60)).granted()).isTrue();
			QuotaLedger.Grant partial = ledger.reserve(owner, 1000, other, 5000, 100, NOW.plusSeconds(60));
			assertThat(partial.granted()).isTrue();
			assertThat(partial.bytes()).as("as much as is left").isEqualTo(700);
			QuotaLedger.Grant refused = ledger.reserve(owner, 1000, upload, 400, 400, NOW.plusSeconds(60));
			assertThat(refused.granted()).isFalse();
			assertThat(refused.room()).isEqualTo(300);
			assertThat(ledger.remaining(owner, 1000, upload)).isEqualTo(300);

			ledger.release(other);
			assertThat(ledger.remaining(owner, 1000, null)).isEqualTo(700);
			assertThat(ledger(db, NOW.plusSeconds(61)).remaining(owner, 1000, null)).as("expired").isEqualTo(1000);
			ledger.extend(upload, NOW.plus(Duration.ofHours(1)));
			assertThat(ledger(db, NOW.plusSeconds(61)).remaining(owner, 1000, null)).isEqualTo(700);
		}
	}

	private static QuotaLedger ledger(Databases.Fresh db, Instant now) {
		return new QuotaLedger(new FileRepository(db.jdbc(), db.dialect(), new ScanQueue((job, id) -> {
		})), new QuotaReservations(db.jdbc(), db.dialect()), db.transactions(), Clock.fixed(now, ZoneOffset.UTC));
	}

}
