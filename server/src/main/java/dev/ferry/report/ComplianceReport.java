package dev.ferry.report;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.ferry.audit.AuditReport.ActionCount;
import dev.ferry.audit.AuditReport.ChainStatus;

/** One period's report: section totals, every action's counts, the chain's state. */
record ComplianceReport(Instant from, Instant to, Instant generatedAt, Map<ReportSection, Long> sections,
		List<ActionCount> actions, ChainStatus chain) {

	static ComplianceReport of(Instant from, Instant to, Instant generatedAt, List<ActionCount> actions,
			ChainStatus chain) {
		Map<ReportSection, Long> sections = new LinkedHashMap<>();
		for (ReportSection section : ReportSection.values()) {
			sections.put(section,
					actions.stream()
						.filter((a) -> section.counts(a.action(), a.outcome()))
						.mapToLong(ActionCount::count)
						.sum());
		}
		return new ComplianceReport(from, to, generatedAt, sections, actions, chain);
	}

	String chainSummary() {
		return chain.valid() ? "verified, " + chain.checked() + " records checked"
				: "BROKEN (" + chain.reason() + ") after " + chain.checked() + " records";
	}

}
