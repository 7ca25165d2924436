package dev.ferry.share.transfer;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.ferry.share.Cursor;
import dev.ferry.testing.Databases;
import dev.ferry.testing.TestAccounts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The transfer tables' SQL, run on every supported database. */
class TransferRepositoryTests {

	private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

	@ParameterizedTest
	@EnumSource(Databases.Vendor.class)
	void transfersFilterByStatusAndExpireOnce(Databases.Vendor vendor) {
		try (Databases.Fresh db = Databases.migrated(vendor)) {
			TransferRepository transfers = new TransferRepository(db.jdbc());
			UUID owner = TestAccounts.insertUser(db.jdbc());
			UUID file = UUID.randomUUID();
			UUID dueOnly = UUID.randomUUID();
			Transfer live = transfer(owner, NOW.plus(1, ChronoUnit.DAYS), NOW);
			Transfer due = transfer(owner, NOW.minusSeconds(1), NOW.plusMillis(1));
			transfers.insert(live, List.of(file), Map.of(), List.of("a@example.test"));
			transfers.insert(due, List.of(file, dueOnly), Map.of(), List.of());

			assertThat(transfers.page(owner, Transfer.Status.ACTIVE, NOW, null, 10)).extracting(Transfer::id)
				.containsExactly(live.id());
			assertThat(transfers.page(owner, Transfer.Status.EXPIRED, NOW, null, 10)).extracting(Transfer::id)
				.containsExactly(due.id());
			assertThat(transfers.page(owner, null, NOW, Cursor.after(due.createdAt(), due.id()), 10))
				.extracting(Transfer::id)
				.containsExactly(live.id());
			assertThat(transfers.dueToExpire(NOW, 10)).extracting(Transfer::id).containsExactly(due.id());
			assertThat(transfers.markExpired(due.id(), NOW)).isTrue();
			assertThat(transfers.markExpired(due.id(), NOW)).isFalse();
			assertThat(transfers.inLiveTransfer(file, NOW)).isTrue();
			assertThat(transfers.inLiveTransfer(dueOnly, NOW)).isFalse();
			assertThat(transfers.duePurge(10)).extracting(Transfer::id).containsExactly(due.id());
			assertThat(transfers.markPurged(live.id(), NOW)).as("a live (or reopened) transfer").isFalse();
			assertThat(transfers.markPurged(due.id(), NOW)).isTrue();
			assertThat(transfers.duePurge(10)).isEmpty();
			assertThat(transfers.markFirstDownload(live.id(), NOW)).isTrue();
			assertThat(transfers.markFirstDownload(live.id(), NOW)).isFalse();
			transfers.replaceRecipients(live.id(), List.of("b@example.test"));
			transfers.markRecipients(live.id(), "verified_at", "b@example.test", NOW);
			assertThat(transfers.recipients(live.id())).singleElement()
				.satisfies((r) -> assertThat(r.verifiedAt()).isEqualTo(NOW));
		}
	}

	/**
	 * An edit and a revocation at once: the edit, made from a reading taken before the
	 * revocation, must not bring the transfer back; the revocation keeps the edit.
	 */
	@ParameterizedTest
	@EnumSource(Databases.Vendor.class)
	void aChangeReadBeforeARevocationDoesNotUndoIt(Databases.Vendor vendor) {
		try (Databases.Fresh db = Databases.migrated(vendor)) {
			TransferRepository transfers = new TransferRepository(db.jdbc());
			Transfer read = transfer(TestAccounts.insertUser(db.jdbc()), NOW.plus(1, ChronoUnit.DAYS), NOW);
			transfers.insert(read, List.of(UUID.randomUUID()), Map.of(), List.of());
			Transfer renamed = changed(read, "Renamed", null);
			assertThat(transfers.update(renamed, read)).isTrue();

			assertThat(transfers.revoke(read.id(), NOW)).isTrue();
			assertThat(transfers.revoke(read.id(), NOW)).as("once").isFalse();
			assertThat(transfers.update(changed(renamed, "Renamed", null), renamed)).isFalse();
			assertThat(transfers.find(read.id())).hasValueSatisfying((t) -> {
				assertThat(t.status()).isEqualTo(Transfer.Status.REVOKED);
				assertThat(t.title()).as("the revocation keeps the edit").isEqualTo("Renamed");
			});
		}
	}

	/**
	 * Two edits of other fields made from one reading: the second must not write back the
	 * first's field as it read it.
	 */
	@ParameterizedTest
	@EnumSource(Databases.Vendor.class)
	void aChangeReadBeforeAnotherChangeDoesNotUndoIt(Databases.Vendor vendor) {
		try (Databases.Fresh db = Databases.migrated(vendor)) {
			TransferRepository transfers = new TransferRepository(db.jdbc());
			Transfer read = transfer(TestAccounts.insertUser(db.jdbc()), NOW.plus(1, ChronoUnit.DAYS), NOW);
			transfers.insert(read, List.of(UUID.randomUUID()), Map.of(), List.of());

			assertThat(transfers.update(changed(read, "Renamed", null), read)).isTrue();
			assertThat(transfers.update(changed(read, "T", "A message"), read)).isFalse();
			assertThat(transfers.find(read.id())).hasValueSatisfying((t) -> {
				assertThat(t.title()).isEqualTo("Renamed");
				assertThat(t.message()).isNull();
			});
		}
	}

	/** {@code read} with another title and message, stamped a millisecond later. */
	private static Transfer changed(Transfer read, String title, String message) {
		return new Transfer(read.id(), read.ownerId(), title, message, read.status(), read.expiresAt(), false, true,
				true, read.createdAt(), read.updatedAt().plusMillis(1), null, null, null);
	}

	private static Transfer transfer(UUID owner, Instant expires, Instant created) {
		return new Transfer(UUID.randomUUID(), owner, "T", null, Transfer.Status.ACTIVE, expires, false, true, true,
				created, created, null, null, null);
	}

}
