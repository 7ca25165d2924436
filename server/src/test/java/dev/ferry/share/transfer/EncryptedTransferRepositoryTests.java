package dev.ferry.share.transfer;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.ferry.testing.Databases.Vendor;
import dev.ferry.testing.EveryVendor;
import dev.ferry.testing.OverlappingTransactions;
import dev.ferry.testing.TestAccounts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The end-to-end tables on SQLite, a real PostgreSQL and a real MariaDB: the largest
 * encrypted manifest the API accepts is stored whole (MariaDB's TEXT once held 64 KiB),
 * and two saves of a user's age key at once both succeed, the later one kept.
 */
class EncryptedTransferRepositoryTests extends EveryVendor {

	private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

	@ParameterizedTest(name = "{0}")
	@MethodSource("databases")
	void theLargestManifestTheApiTakesIsStoredWhole(Vendor vendor, JdbcClient jdbc) {
		Transfer transfer = new Transfer(UUID.randomUUID(), TestAccounts.insertUser(jdbc), "T", null,
				Transfer.Status.ACTIVE, NOW.plus(1, ChronoUnit.DAYS), false, true, false, NOW, NOW, null, null, null);
		new TransferRepository(jdbc).insert(transfer, List.of(), Map.of(), List.of());
		EncryptedTransferRepository repository = new EncryptedTransferRepository(jdbc);
		String manifest = "A".repeat(EncryptedTransfers.MAX_MANIFEST_CHARS);

		repository.insert(transfer.id(), manifest);

		assertThat(repository.find(transfer.id()))
			.hasValueSatisfying((found) -> assertThat(found.manifest()).hasSize(EncryptedTransfers.MAX_MANIFEST_CHARS));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("databases")
	void twoSavesOfAnAgeKeyAtOnceBothSucceed(Vendor vendor, JdbcClient jdbc) throws Exception {
		UUID user = TestAccounts.insertUser(jdbc);
		AgeKeyRepository keys = new AgeKeyRepository(jdbc, database(vendor).dialect());
		AgeKeys.AgeKey first = new AgeKeys.AgeKey("age1first", "wrapped-first", NOW);
		AgeKeys.AgeKey second = new AgeKeys.AgeKey("age1second", "wrapped-second", NOW);

		OverlappingTransactions.Outcome<Boolean> race = OverlappingTransactions.run(database(vendor),
				OverlappingTransactions.manager(database(vendor)), () -> {
					keys.save(user, first);
					return true;
				}, () -> {
					keys.save(user, second);
					return true;
				});

		assertThat(race.secondFailure()).isNull();
		assertThat(keys.find(user)).hasValueSatisfying((key) -> assertThat(key.recipient()).isEqualTo("age1second"));
	}

}
