package dev.ferry.retention;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a policy can limit by age, in the order a run applies them: versions and trash
 * before files (purging a file takes its versions along, which would make the versions
 * step remove fewer than its dry run counted), download logs before transfers (deleting a
 * transfer takes its log along), audit last.
 */
enum RetentionCategory {

	/** Older file versions by the time a newer one replaced them, crypto-shredded. */
	VERSIONS,

	/** Trashed files by the time they were deleted, crypto-shredded. */
	TRASH,

	/** Files by upload time, crypto-shredded. */
	FILES,

	/** The public download log by download start. */
	DOWNLOAD_LOGS,

	/** Ended and swept transfers by end time, with their recipients, links and log. */
	TRANSFERS,

	/** The oldest audit records, exported and anchored first. */
	AUDIT;

	String apiName() {
		return name().toLowerCase(Locale.ROOT);
	}

	static Optional<RetentionCategory> named(String name) {
		return Arrays.stream(values()).filter((c) -> c.apiName().equals(name)).findFirst();
	}

	static String supported() {
		return Arrays.stream(values()).map(RetentionCategory::apiName).collect(Collectors.joining(", "));
	}

}
