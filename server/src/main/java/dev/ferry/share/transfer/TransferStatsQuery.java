package dev.ferry.share.transfer;

import java.time.Instant;

import dev.ferry.share.TransferStats;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Answers {@link TransferStats} from the {@code transfers} table this module owns. */
@Component
public class TransferStatsQuery implements TransferStats {

	private final JdbcClient jdbc;

	public TransferStatsQuery(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public long active(Instant now) {
		return jdbc.sql("SELECT COUNT(*) FROM transfers WHERE status = 'active' AND expires_at > ?")
			.param(now.toEpochMilli())
			.query(Long.class)
			.single();
	}

}
