package dev.ferry.pii;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.files.FilePii;
import dev.ferry.files.FileSources.Source;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * A finished scan: the kinds found become the content's flags, the job is done, and a
 * file with any is audited as {@code file.pii_flagged} with the kinds and how often each
 * occurs (never the values), all in one transaction.
 */
@Component
class PiiFindings {

	private final FilePii flags;

	private final PiiRepository scans;

	private final AuditLog audit;

	private final TransactionOperations transactions;

	private final Clock clock;

	PiiFindings(FilePii flags, PiiRepository scans, AuditLog audit, TransactionOperations transactions, Clock clock) {
		this.flags = flags;
		this.scans = scans;
		this.audit = audit;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * Nothing, when the file got new content since the scan was claimed until
	 * {@code until}.
	 */
	void record(Source file, Instant until, Map<PiiKind, Integer> counts) {
		List<String> kinds = counts.keySet().stream().map(PiiKind::flag).toList();
		transactions.executeWithoutResult((tx) -> {
			if (!scans.settle(file.fileId(), until, "done", null)) {
				return;
			}
			flags.flag(file.fileId(), file.sha256(), kinds, clock.instant());
			if (!kinds.isEmpty()) {
				AuditEvent event = AuditEvent.success("file.pii_flagged")
					.object("file", file.fileId())
					.detail("owner", file.ownerId().toString())
					.detail("pii_flags", String.join(",", kinds));
				for (Map.Entry<PiiKind, Integer> count : counts.entrySet()) {
					event = event.detail("count_" + count.getKey().flag(), count.getValue());
				}
				audit.record(event);
			}
		});
	}

}
