package dev.ferry.retention;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ferry.files.AgedFiles.AgedFile;

/**
 * What a retention run removes (a dry run) or removed, per category with a policy, as of
 * one instant: each category's cutoff is {@code as_of} minus its age limit.
 */
record RetentionPlan(Instant asOf, boolean dryRun, List<RetentionStep> categories) {

	/**
	 * One category: {@code count} items; for files the first
	 * {@link RetentionService#LISTED} ({@code truncated} when there are more), for audit
	 * the seq range and, after a run, the archive file it was exported to; the other
	 * categories give only the count.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record RetentionStep(String category, int maxAgeDays, Instant cutoff, long count, List<RetentionItem> files,
			Boolean truncated, Long fromSeq, Long throughSeq, String archive) {
	}

	record RetentionItem(String id, String ownerId, String path, long size, Instant createdAt) {

		static RetentionItem of(AgedFile file) {
			return new RetentionItem(file.id().toString(), file.ownerId().toString(), file.path(), file.size(),
					file.createdAt());
		}

	}

}
