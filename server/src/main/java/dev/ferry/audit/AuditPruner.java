package dev.ferry.audit;

import java.time.Instant;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Prunes a prefix of the chain under the chain head's lock, so no record is appended
 * meanwhile: exports it as NDJSON to the {@link AuditArchive}, stores the signed
 * checkpoint, deletes the rows and their redactions, and records {@code audit.prune}.
 */
@Service
class AuditPruner implements AuditRetention {

	private final JdbcClient jdbc;

	private final AuditChainVerifier verifier;

	private final AuditExporter exporter;

	private final AuditCheckpoints checkpoints;

	private final AuditChain chain;

	private final AuditLog audit;

	private final AuditArchive archives;

	AuditPruner(JdbcClient jdbc, AuditChainVerifier verifier, AuditExporter exporter, AuditCheckpoints checkpoints,
			AuditChain chain, AuditLog audit, AuditArchive archives) {
		this.jdbc = jdbc;
		this.verifier = verifier;
		this.exporter = exporter;
		this.checkpoints = checkpoints;
		this.chain = chain;
		this.audit = audit;
		this.archives = archives;
	}

	@Override
	public Range candidates(Instant before) {
		Long first = jdbc.sql("SELECT MIN(seq) FROM audit_log").query(Long.class).optional().orElse(null);
		if (first == null) {
			return Range.empty();
		}
		// Only a contiguous prefix can go: the first record at or after the cutoff
		// ends it.
		Long keep = jdbc.sql("SELECT MIN(seq) FROM audit_log WHERE occurred_at >= ?")
			.param(before.toEpochMilli())
			.query(Long.class)
			.optional()
			.orElse(null);
		long through = (keep != null) ? keep - 1
				: jdbc.sql("SELECT MAX(seq) FROM audit_log").query(Long.class).single();
		return (through < first) ? Range.empty() : new Range(first, through, through - first + 1, null);
	}

	@Override
	@Transactional(noRollbackFor = AuditException.class)
	public Range prune(long throughSeq) {
		jdbc.sql("UPDATE audit_head SET seq = seq WHERE id = 1").update();
		ChainVerification verified = verifier.verify();
		if (!verified.valid()) {
			audit.record(AuditEvent.failure("audit.prune").detail("reason", verified.reason()));
			throw new AuditException(HttpStatus.CONFLICT, "audit-chain-broken", "Audit chain broken",
					"The audit chain does not verify (" + verified.reason() + "); nothing was pruned.", Map.of());
		}
		Long first = jdbc.sql("SELECT MIN(seq) FROM audit_log").query(Long.class).optional().orElse(null);
		if (first == null || throughSeq < first) {
			return Range.empty();
		}
		String hash = jdbc.sql("SELECT hash FROM audit_log WHERE seq = ?")
			.param(throughSeq)
			.query(String.class)
			.single();
		String archive = "ferry-audit-" + first + "-" + throughSeq + ".ndjson";
		export(throughSeq, archive);
		AuditCheckpoints.Checkpoint unsigned = new AuditCheckpoints.Checkpoint(throughSeq, hash, throughSeq - first + 1,
				archive, System.currentTimeMillis(), null);
		checkpoints.insert(new AuditCheckpoints.Checkpoint(unsigned.throughSeq(), hash, unsigned.pruned(), archive,
				unsigned.createdAt(), chain.sign(unsigned)));
		jdbc.sql("DELETE FROM audit_redactions WHERE seq <= ?").param(throughSeq).update();
		jdbc.sql("DELETE FROM audit_log WHERE seq <= ?").param(throughSeq).update();
		Range pruned = new Range(first, throughSeq, throughSeq - first + 1, archive);
		audit.record(AuditEvent.success("audit.prune")
			.detail("from_seq", first)
			.detail("through_seq", throughSeq)
			.detail("through_hash", hash)
			.detail("count", pruned.count())
			.detail("archive", archive));
		return pruned;
	}

	private void export(long throughSeq, String archive) {
		archives.write(archive, (out) -> exporter.write(AuditFilter.NONE, ExportFormat.NDJSON, throughSeq, out));
	}

}
