package dev.ferry.auth.ticket;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import dev.ferry.auth.DownloadTickets;
import dev.ferry.testing.Databases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The download ticket high-water mark's SQL on SQLite and a real PostgreSQL: bytes are
 * taken once, only at or after the mark, and what a broken body did not send comes back.
 */
class DownloadTicketRepositoryTests {

	private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

	@ParameterizedTest
	@EnumSource(Databases.Vendor.class)
	void bytesAreServedOnceAtOrAfterTheMark(Databases.Vendor vendor) {
		try (Databases.Fresh db = Databases.migrated(vendor)) {
			DownloadTicketRepository tickets = new DownloadTicketRepository(db.jdbc());
			UUID id = tickets.insert("ticket-" + UUID.randomUUID(), DownloadTickets.Holder.SESSION, UUID.randomUUID(),
					"resource", NOW, NOW.plusSeconds(60));
			assertThat(tickets.markUsed(id, NOW, NOW.plusSeconds(3600))).isTrue();

			assertThat(tickets.take(id, 0, 1000)).as("the first body").isTrue();
			assertThat(tickets.take(id, 0, 1000)).as("the same bytes again").isFalse();
			assertThat(tickets.take(id, 999, 1000)).isFalse();
			tickets.giveBack(id, 1000, 400);
			assertThat(tickets.take(id, 399, 1000)).as("below what was sent").isFalse();
			assertThat(tickets.take(id, 400, 1000)).as("what the broken body did not send").isTrue();
			tickets.giveBack(id, 999, 0);
			assertThat(tickets.take(id, 500, 1000)).as("a stale hand-back changes nothing").isFalse();
		}
	}

}
