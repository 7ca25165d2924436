package dev.ferry.audit;

import java.time.Instant;
import java.util.List;

/**
 * What a compliance report asks of the audit trail: tallies for a period, and its
 * integrity.
 */
public interface AuditReport {

	/** Records per action and outcome written in {@code [from, to)}, by action. */
	List<ActionCount> tally(Instant from, Instant to);

	/**
	 * Walks the chain as {@code GET /api/v1/admin/audit-logs/verify} does (not audited
	 * here).
	 */
	ChainStatus verify();

	record ActionCount(String action, String outcome, long count) {
	}

	/** {@code reason} is null when {@code valid}. */
	record ChainStatus(boolean valid, long checked, String reason) {
	}

}
