package dev.ferry.audit;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Result of walking the audit chain. {@code checked} counts the records examined, up to
 * and including the first bad one. {@code reason} says what broke: {@code hash_mismatch}
 * (a record was altered), {@code broken_link} (its prev_hash does not name the record
 * before), {@code missing_record} (a gap in seq: a record was deleted),
 * {@code head_mismatch} (records at the end were removed or added behind the chain head)
 * or {@code checkpoint_invalid} (the signed checkpoint pruning left was altered).
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
record ChainVerification(boolean valid, String firstInvalidId, long checked, String reason) {

	static ChainVerification intact(long checked) {
		return new ChainVerification(true, null, checked, null);
	}

	static ChainVerification broken(String firstInvalidId, long checked, String reason) {
		return new ChainVerification(false, firstInvalidId, checked, reason);
	}

}
