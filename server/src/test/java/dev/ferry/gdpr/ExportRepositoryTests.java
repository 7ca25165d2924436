package dev.ferry.gdpr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.nio.channels.ClosedByInterruptException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import dev.ferry.testing.Databases;
import dev.ferry.testing.TestAccounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A build stopped by the node's shutdown goes back to the queue, claimable at once by the
 * next node, instead of waiting out the stale-claim delay or ending as failed.
 */
class ExportRepositoryTests {

	private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

	@ParameterizedTest
	@EnumSource(Databases.Vendor.class)
	void aReleasedBuildIsClaimedAgainAtOnce(Databases.Vendor vendor) {
		try (Databases.Fresh db = Databases.migrated(vendor)) {
			ExportRepository exports = new ExportRepository(db.jdbc());
			UUID id = UUID.randomUUID();
			exports.insert(id, TestAccounts.insertUser(db.jdbc()), NOW);
			assertThat(exports.claim(NOW, ExportWorker.STALE))
				.hasValueSatisfying((r) -> assertThat(r.id()).isEqualTo(id));
			assertThat(exports.claim(NOW.plusSeconds(1), ExportWorker.STALE)).as("building elsewhere").isEmpty();

			assertThat(exports.release(id, NOW.minusMillis(1))).as("another claim than this build's").isFalse();
			assertThat(exports.release(id, NOW)).isTrue();
			assertThat(exports.release(id, NOW)).as("once").isFalse();

			assertThat(exports.claim(NOW.plus(Duration.ofSeconds(2)), ExportWorker.STALE))
				.hasValueSatisfying((r) -> assertThat(r.id()).isEqualTo(id));
		}
	}

	/**
	 * A build that ran past the stale limit while another node claimed the request again
	 * neither finishes nor fails it: the other build's outcome counts, one mail, one
	 * copy.
	 */
	@ParameterizedTest
	@EnumSource(Databases.Vendor.class)
	void aBuildWhoseClaimWasTakenOverChangesNothing(Databases.Vendor vendor) {
		try (Databases.Fresh db = Databases.migrated(vendor)) {
			ExportRepository exports = new ExportRepository(db.jdbc());
			UUID id = UUID.randomUUID();
			exports.insert(id, TestAccounts.insertUser(db.jdbc()), NOW);
			assertThat(exports.claim(NOW, ExportWorker.STALE)).isPresent();
			Instant later = NOW.plus(ExportWorker.STALE).plusSeconds(1);
			assertThat(exports.claim(later, ExportWorker.STALE)).as("stale, claimed again").isPresent();

			assertThat(exports.ready(id, NOW, UUID.randomUUID(), 1, "hash-a", later, later.plusSeconds(60))).isFalse();
			assertThat(exports.failed(id, NOW, "late", later)).isFalse();
			assertThat(exports.ready(id, later, UUID.randomUUID(), 1, "hash-b", later, later.plusSeconds(60))).isTrue();
		}
	}

	@Test
	void anInterruptIsAShutdownAndAnyOtherFailureIsNot() {
		assertThat(ExportWorker.stoppedByShutdown(new UncheckedIOException(new ClosedByInterruptException()))).isTrue();
		assertThat(ExportWorker.stoppedByShutdown(new IOException("No space left on device"))).isFalse();
		assertThat(
				ExportWorker.stoppedByShutdown(new UncheckedIOException(new SocketTimeoutException("Read timed out"))))
			.as("a timeout fails the build")
			.isFalse();
		Thread.currentThread().interrupt();
		try {
			assertThat(ExportWorker.stoppedByShutdown(new IllegalStateException("closed"))).isTrue();
		}
		finally {
			Thread.interrupted();
		}
	}

}
