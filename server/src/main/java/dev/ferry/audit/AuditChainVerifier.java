package dev.ferry.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.stereotype.Component;

/**
 * Walks the whole chain in seq order, a page at a time, recomputing every record's HMAC
 * and checking that each record links to the one before and that the last one is the
 * chain head. Records appended while the walk runs are checked too: the walk ends only
 * when it has reached the head as committed at that moment.
 */
@Component
class AuditChainVerifier {

	static final int PAGE_SIZE = 500;

	private final AuditReader reader;

	private final AuditRepository repository;

	private final AuditChain chain;

	private final AuditRedactions redactions;

	private final AuditCheckpoints checkpoints;

	AuditChainVerifier(AuditReader reader, AuditRepository repository, AuditChain chain, AuditRedactions redactions,
			AuditCheckpoints checkpoints) {
		this.reader = reader;
		this.repository = repository;
		this.chain = chain;
		this.redactions = redactions;
		this.checkpoints = checkpoints;
	}

	/**
	 * Starts at genesis, or after pruning at the latest checkpoint, whose signature must
	 * hold: its seq and hash then stand for the records that were pruned. A prune that
	 * commits while the walk runs leaves a gap behind the new checkpoint: the walk is
	 * made once more from there, instead of reporting the pruned records missing.
	 */
	ChainVerification verify() {
		AuditCheckpoints.Checkpoint anchor = checkpoints.latest().orElse(null);
		ChainVerification verdict = walkFrom(anchor);
		AuditCheckpoints.Checkpoint now = verdict.valid() ? anchor : checkpoints.latest().orElse(null);
		return Objects.equals(anchor, now) ? verdict : walkFrom(now);
	}

	/**
	 * Whether the head's seq and hash are the ones the server signed: records cut off the
	 * end with the head moved back to match are found. Only an empty trail's first head
	 * goes unsigned (the server signs any other at its start).
	 */
	private boolean signed(AuditRepository.Head head) {
		return (head.signature() == null) ? head.seq() == 0
				: same(chain.signHead(head.seq(), head.hash()), head.signature());
	}

	private ChainVerification walkFrom(AuditCheckpoints.Checkpoint anchor) {
		Walk walk = new Walk();
		if (anchor != null) {
			if (!same(chain.sign(anchor), anchor.signature())) {
				return ChainVerification.broken(null, 0, "checkpoint_invalid");
			}
			walk.lastSeq = anchor.throughSeq();
			walk.lastHash = anchor.throughHash();
		}
		while (true) {
			List<AuditRecord> page = reader.oldestFirst(AuditFilter.NONE, walk.lastSeq, Long.MAX_VALUE, PAGE_SIZE);
			if (page.isEmpty()) {
				// Rows and head commit together, so once the head has been read every row
				// up to it is visible: an empty page after that means rows are missing.
				AuditRepository.Head head = repository.head();
				if (head.seq() == walk.lastSeq) {
					return same(head.hash(), walk.lastHash) && signed(head) ? ChainVerification.intact(walk.checked)
							: ChainVerification.broken(null, walk.checked, "head_mismatch");
				}
				page = reader.oldestFirst(AuditFilter.NONE, walk.lastSeq, Long.MAX_VALUE, PAGE_SIZE);
				if (head.seq() < walk.lastSeq || page.isEmpty()) {
					return ChainVerification.broken(null, walk.checked, "head_mismatch");
				}
			}
			Map<Long, Map<String, String>> erased = redactions.between(walk.lastSeq, page.get(page.size() - 1).seq());
			for (AuditRecord record : page) {
				ChainVerification broken = walk.check(record, erased.getOrDefault(record.seq(), Map.of()));
				if (broken != null) {
					return broken;
				}
			}
		}
	}

	private static boolean same(String a, String b) {
		return a != null && b != null
				&& MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
	}

	private final class Walk {

		private long lastSeq;

		private String lastHash = AuditChain.GENESIS;

		private long checked;

		/** Checks the next record; returns the verdict when it is bad, else null. */
		private ChainVerification check(AuditRecord record, Map<String, String> redacted) {
			checked++;
			if (record.seq() != lastSeq + 1) {
				return ChainVerification.broken(record.id(), checked, "missing_record");
			}
			if (!same(record.prevHash(), lastHash)) {
				return ChainVerification.broken(record.id(), checked, "broken_link");
			}
			if (!same(chain.hash(record, lastHash, redacted), record.hash())) {
				return ChainVerification.broken(record.id(), checked, "hash_mismatch");
			}
			lastSeq = record.seq();
			lastHash = record.hash();
			return null;
		}

	}

}
