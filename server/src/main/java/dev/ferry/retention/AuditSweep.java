package dev.ferry.retention;

import java.time.Instant;

import dev.ferry.audit.AuditRetention;

import org.springframework.stereotype.Component;

/** The oldest audit records: a seq range, exported and anchored before it is pruned. */
@Component
class AuditSweep implements CategorySweep {

	private final AuditRetention auditRetention;

	AuditSweep(AuditRetention auditRetention) {
		this.auditRetention = auditRetention;
	}

	@Override
	public RetentionCategory category() {
		return RetentionCategory.AUDIT;
	}

	@Override
	public RetentionPlan.RetentionStep plan(int days, Instant cutoff) {
		return step(days, cutoff, auditRetention.candidates(cutoff));
	}

	@Override
	public RetentionPlan.RetentionStep apply(int days, Instant cutoff) {
		AuditRetention.Range range = auditRetention.candidates(cutoff);
		return step(days, cutoff, (range.count() > 0) ? auditRetention.prune(range.throughSeq()) : range);
	}

	private static RetentionPlan.RetentionStep step(int days, Instant cutoff, AuditRetention.Range range) {
		boolean any = range.count() > 0;
		return new RetentionPlan.RetentionStep(RetentionCategory.AUDIT.apiName(), days, cutoff, range.count(), null,
				null, any ? range.fromSeq() : null, any ? range.throughSeq() : null, range.archive());
	}

}
