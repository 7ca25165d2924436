package dev.ferry.retention;

import java.time.Instant;
import java.util.function.ToLongFunction;

import dev.ferry.files.AgedTrash;
import dev.ferry.files.AgedVersions;
import dev.ferry.share.AgedDownloads;
import dev.ferry.share.EndedTransfers;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The categories whose dry run is a count: each owning module counts and removes (and
 * audits) its own rows behind a small interface, so retention reads no table of theirs.
 */
@Configuration(proxyBeanMethods = false)
class CountedSweeps {

	@Bean
	CategorySweep versionsSweep(AgedVersions versions) {
		return new Counted(RetentionCategory.VERSIONS, versions::countReplacedBefore, versions::shredReplacedBefore);
	}

	@Bean
	CategorySweep trashSweep(AgedTrash trash) {
		return new Counted(RetentionCategory.TRASH, trash::countTrashedBefore, trash::shredTrashedBefore);
	}

	@Bean
	CategorySweep downloadLogsSweep(AgedDownloads downloads) {
		return new Counted(RetentionCategory.DOWNLOAD_LOGS, downloads::countStartedBefore,
				downloads::deleteStartedBefore);
	}

	@Bean
	CategorySweep transfersSweep(EndedTransfers transfers) {
		return new Counted(RetentionCategory.TRANSFERS, transfers::countEndedBefore, transfers::deleteEndedBefore);
	}

	record Counted(RetentionCategory category, ToLongFunction<Instant> count,
			ToLongFunction<Instant> remove) implements CategorySweep {

		@Override
		public RetentionPlan.RetentionStep plan(int days, Instant cutoff) {
			return step(days, cutoff, count.applyAsLong(cutoff));
		}

		@Override
		public RetentionPlan.RetentionStep apply(int days, Instant cutoff) {
			return step(days, cutoff, remove.applyAsLong(cutoff));
		}

		private RetentionPlan.RetentionStep step(int days, Instant cutoff, long items) {
			return new RetentionPlan.RetentionStep(category.apiName(), days, cutoff, items, null, null, null, null,
					null);
		}

	}

}
