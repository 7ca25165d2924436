package dev.ferry.files;

import java.time.Instant;

/**
 * Trashed files by age, for retention: shredding one destroys every blob of it (older
 * versions too) and is audited as {@code file.purged} with {@code reason: retention}.
 */
public interface AgedTrash {

	/** How many files were moved to the trash before {@code cutoff}. */
	long countTrashedBefore(Instant cutoff);

	/** Shreds the files moved to the trash before {@code cutoff}; how many went. */
	long shredTrashedBefore(Instant cutoff);

}
