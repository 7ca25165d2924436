package dev.ferry.audit;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
class AuditTallies implements AuditReport {

	private final JdbcClient jdbc;

	private final AuditChainVerifier verifier;

	AuditTallies(JdbcClient jdbc, AuditChainVerifier verifier) {
		this.jdbc = jdbc;
		this.verifier = verifier;
	}

	@Override
	public List<ActionCount> tally(Instant from, Instant to) {
		return jdbc
			.sql("SELECT action, outcome, COUNT(*) AS n FROM audit_log WHERE occurred_at >= ? AND occurred_at < ?"
					+ " GROUP BY action, outcome ORDER BY action, outcome")
			.params(from.toEpochMilli(), to.toEpochMilli())
			.query((rs, row) -> new ActionCount(rs.getString("action"), rs.getString("outcome"), rs.getLong("n")))
			.list();
	}

	@Override
	public ChainStatus verify() {
		ChainVerification result = verifier.verify();
		return new ChainStatus(result.valid(), result.checked(), result.reason());
	}

}
