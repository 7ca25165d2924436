package dev.ferry.share.transfer;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.ferry.testing.Databases.Vendor;
import dev.ferry.testing.EveryVendor;
import dev.ferry.testing.TestAccounts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The largest encrypted manifest the API accepts is stored whole on SQLite, a real
 * PostgreSQL and a real MariaDB (whose TEXT once held 64 KiB).
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

}
