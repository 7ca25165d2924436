package dev.ferry.report;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import dev.ferry.ProblemException;
import dev.ferry.StoredTimes;
import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.audit.AuditReport;
import dev.ferry.auth.AccessPolicy;
import dev.ferry.auth.CurrentUser;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Builds a period's report for an admin; the request itself is audited, refused or not.
 */
@Service
class ComplianceReports {

	static final Duration DEFAULT_PERIOD = Duration.ofDays(30);

	private final AuditReport trail;

	private final AccessPolicy access;

	private final AuditLog audit;

	private final Clock clock;

	ComplianceReports(AuditReport trail, AccessPolicy access, AuditLog audit, Clock clock) {
		this.trail = trail;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
	}

	ComplianceReport build(CurrentUser caller, Instant from, Instant to, String format) {
		access.requireAdmin(caller, "report.compliance");
		if (!"pdf".equals(format) && !"csv".equals(format)) {
			throw invalid("bad_format", "'format' must be pdf or csv.");
		}
		// The trail is counted in epoch milliseconds; an instant outside a sane span only
		// overflowed that arithmetic into a 500.
		for (Instant bound : new Instant[] { from, to }) {
			if (bound != null && !StoredTimes.storable(bound)) {
				throw invalid("bad_period", "'from' and 'to' must lie " + StoredTimes.SPAN + ".");
			}
		}
		Instant now = clock.instant();
		Instant end = (to != null) ? to : now;
		Instant start = (from != null) ? from : end.minus(DEFAULT_PERIOD);
		if (!start.isBefore(end)) {
			throw invalid("bad_period", "'from' must be before 'to'.");
		}
		ComplianceReport report = ComplianceReport.of(start, end, now, trail.tally(start, end), trail.verify());
		audit.record(AuditEvent.success("report.compliance")
			.detail("from", start.toString())
			.detail("to", end.toString())
			.detail("format", format)
			.detail("chain_valid", report.chain().valid()));
		return report;
	}

	private ProblemException invalid(String reason, String detail) {
		audit.record(AuditEvent.failure("report.compliance").detail("reason", reason));
		return new ProblemException(HttpStatus.BAD_REQUEST, "invalid-report", "Invalid report request", detail);
	}

}
