package dev.ferry.share.transfer;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.share.EndedTransfers;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Deletes transfers that ended long ago. Only swept ones ({@code purged_at} set): the
 * sweeper must first have purged the files a transfer was told to delete on expiry, or
 * they would outlive it unnoticed.
 */
@Component
class TransferRetention implements EndedTransfers {

	private static final int BATCH = 200;

	private static final String ENDED = " FROM transfers WHERE ended_at < ? AND purged_at IS NOT NULL";

	private final JdbcClient jdbc;

	private final AuditLog audit;

	TransferRetention(JdbcClient jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	@Override
	public long countEndedBefore(Instant cutoff) {
		return jdbc.sql("SELECT COUNT(*)" + ENDED).param(cutoff.toEpochMilli()).query(Long.class).single();
	}

	@Override
	public long deleteEndedBefore(Instant cutoff) {
		long count = 0;
		for (List<Ended> batch = batch(cutoff); !batch.isEmpty(); batch = batch(cutoff)) {
			for (Ended transfer : batch) {
				if (jdbc.sql("DELETE FROM transfers WHERE id = ?").param(transfer.id().toString()).update() == 1) {
					audit.record(AuditEvent.success("transfer.deleted")
						.object("transfer", transfer.id())
						.detail("owner_id", transfer.ownerId().toString())
						.detail("ended_at", transfer.endedAt().toString())
						.detail("reason", "retention"));
					count++;
				}
			}
		}
		return count;
	}

	private List<Ended> batch(Instant cutoff) {
		return jdbc.sql("SELECT id, owner_id, ended_at" + ENDED + " ORDER BY ended_at, id LIMIT " + BATCH)
			.param(cutoff.toEpochMilli())
			.query((rs, row) -> new Ended(UUID.fromString(rs.getString(1)), UUID.fromString(rs.getString(2)),
					Instant.ofEpochMilli(rs.getLong(3))))
			.list();
	}

	private record Ended(UUID id, UUID ownerId, Instant endedAt) {
	}

}
