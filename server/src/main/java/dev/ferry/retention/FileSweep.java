package dev.ferry.retention;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.ferry.files.AgedFiles;
import dev.ferry.files.AgedFiles.AgedFile;
import dev.ferry.files.FileContent;

import org.springframework.stereotype.Component;

/** Files by upload time: listed in the dry run, purged (crypto-shredded) by the run. */
@Component
class FileSweep implements CategorySweep {

	private static final int BATCH = 200;

	private final AgedFiles files;

	private final FileContent content;

	FileSweep(AgedFiles files, FileContent content) {
		this.files = files;
		this.content = content;
	}

	@Override
	public RetentionCategory category() {
		return RetentionCategory.FILES;
	}

	@Override
	public RetentionPlan.RetentionStep plan(int days, Instant cutoff) {
		long count = files.countUploadedBefore(cutoff);
		List<RetentionPlan.RetentionItem> listed = files.uploadedBefore(cutoff, RetentionService.LISTED)
			.stream()
			.map(RetentionPlan.RetentionItem::of)
			.toList();
		return step(days, cutoff, count, listed);
	}

	@Override
	public RetentionPlan.RetentionStep apply(int days, Instant cutoff) {
		List<RetentionPlan.RetentionItem> removed = new ArrayList<>();
		long count = 0;
		for (List<AgedFile> batch = files.uploadedBefore(cutoff, BATCH); !batch.isEmpty(); batch = files
			.uploadedBefore(cutoff, BATCH)) {
			for (AgedFile file : batch) {
				// False when a new version came since the batch was listed: not that old
				// any more.
				if (!content.purgeContent(file.ownerId(), file.id(), file.blobId(), "retention")) {
					continue;
				}
				if (removed.size() < RetentionService.LISTED) {
					removed.add(RetentionPlan.RetentionItem.of(file));
				}
				count++;
			}
		}
		return step(days, cutoff, count, removed);
	}

	private static RetentionPlan.RetentionStep step(int days, Instant cutoff, long count,
			List<RetentionPlan.RetentionItem> files) {
		return new RetentionPlan.RetentionStep(RetentionCategory.FILES.apiName(), days, cutoff, count, files,
				count > RetentionService.LISTED, null, null, null);
	}

}
