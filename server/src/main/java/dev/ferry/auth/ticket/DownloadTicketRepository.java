package dev.ferry.auth.ticket;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import dev.ferry.auth.DownloadTickets;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code download_tickets} table: hashes only, never a ticket or a share token. */
@Repository
class DownloadTicketRepository {

	private final JdbcClient jdbc;

	DownloadTicketRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	UUID insert(String ticketHash, DownloadTickets.Holder holder, UUID holderId, String resourceHash, Instant now,
			Instant expires) {
		UUID id = UUID.randomUUID();
		jdbc.sql("INSERT INTO download_tickets (id, ticket_hash, holder_type, holder_id, resource_hash, created_at, "
				+ "expires_at, usable_until) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
			.params(id.toString(), ticketHash, holder.name().toLowerCase(Locale.ROOT), holderId.toString(),
					resourceHash, now.toEpochMilli(), expires.toEpochMilli(), expires.toEpochMilli())
			.update();
		return id;
	}

	Optional<Ticket> findByHash(String ticketHash) {
		return jdbc
			.sql("SELECT id, holder_type, holder_id, resource_hash, expires_at, first_used_at, usable_until "
					+ "FROM download_tickets WHERE ticket_hash = ?")
			.param(ticketHash)
			.query((rs, row) -> {
				long firstUsed = rs.getLong(6);
				boolean unused = rs.wasNull();
				return new Ticket(UUID.fromString(rs.getString(1)),
						DownloadTickets.Holder.valueOf(rs.getString(2).toUpperCase(Locale.ROOT)),
						UUID.fromString(rs.getString(3)), rs.getString(4), Instant.ofEpochMilli(rs.getLong(5)),
						unused ? null : Instant.ofEpochMilli(firstUsed), Instant.ofEpochMilli(rs.getLong(7)));
			})
			.optional();
	}

	/** Spends the ticket; false when another request spent it first. */
	boolean markUsed(UUID id, Instant now, Instant usableUntil) {
		return jdbc.sql(
				"UPDATE download_tickets SET first_used_at = ?, usable_until = ? WHERE id = ? AND first_used_at IS NULL")
			.params(now.toEpochMilli(), usableUntil.toEpochMilli(), id.toString())
			.update() == 1;
	}

	/**
	 * Takes {@code [start, end)} when nothing at or after {@code start} was served under
	 * the ticket; one conditional UPDATE, so of two requests for the same bytes one wins.
	 */
	boolean take(UUID id, long start, long end) {
		return jdbc.sql("UPDATE download_tickets SET served_to = ? WHERE id = ? AND served_to <= ?")
			.params(end, id.toString(), start)
			.update() == 1;
	}

	/**
	 * Hands back what a body took up to {@code taken} but only sent up to
	 * {@code reached}.
	 */
	void giveBack(UUID id, long taken, long reached) {
		jdbc.sql("UPDATE download_tickets SET served_to = ? WHERE id = ? AND served_to = ?")
			.params(reached, id.toString(), taken)
			.update();
	}

	int deleteUnusableBefore(Instant now) {
		return jdbc.sql("DELETE FROM download_tickets WHERE usable_until <= ?").param(now.toEpochMilli()).update();
	}

	record Ticket(UUID id, DownloadTickets.Holder holder, UUID holderId, String resourceHash, Instant expiresAt,
			Instant firstUsedAt, Instant usableUntil) {
	}

}
