package dev.ferry.files;

import java.time.Instant;

/**
 * Older file versions by age, for retention: the current version of a file never goes.
 * Shredding one destroys its blob, then its row, audited as {@code file.version.pruned}
 * with {@code reason: retention}.
 */
public interface AgedVersions {

	/** How many older versions were replaced by a newer one before {@code cutoff}. */
	long countReplacedBefore(Instant cutoff);

	/** Shreds the older versions replaced before {@code cutoff}; how many went. */
	long shredReplacedBefore(Instant cutoff);

}
