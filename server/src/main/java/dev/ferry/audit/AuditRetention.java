package dev.ferry.audit;

import java.time.Instant;

/**
 * Pruning the oldest audit records for retention. The pruned range is exported to an
 * archive file first, and a signed checkpoint (the last pruned record's seq and hash)
 * lets the rest of the chain verify on its own.
 */
public interface AuditRetention {

	/**
	 * The records a prune with this cutoff would remove: the oldest, up to the cutoff.
	 */
	Range candidates(Instant before);

	/**
	 * Exports, anchors and deletes the records up to {@code throughSeq} (as listed by
	 * {@link #candidates}); refuses when the chain does not verify.
	 */
	Range prune(long throughSeq);

	/** Records {@code fromSeq..throughSeq}; empty when {@code count} is 0. */
	record Range(long fromSeq, long throughSeq, long count, String archive) {

		public static Range empty() {
			return new Range(0, 0, 0, null);
		}

	}

}
