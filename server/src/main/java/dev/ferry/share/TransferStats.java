package dev.ferry.share;

import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Read-only transfer figures for the admin dashboard, so other modules never read the
 * {@code transfers} table themselves. Callers check that the caller is an admin.
 */
@Component
public class TransferStats {

	private final JdbcClient jdbc;

	public TransferStats(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Transfers that are active and not yet expired at {@code now}. */
	public long active(Instant now) {
		return jdbc.sql("SELECT COUNT(*) FROM transfers WHERE status = 'active' AND expires_at > ?")
			.param(now.toEpochMilli())
			.query(Long.class)
			.single();
	}

}
