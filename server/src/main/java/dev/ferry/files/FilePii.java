package dev.ferry.files;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The PII flags of files for the pii module: it scans content and records the kinds it
 * found for that content ({@code sha256}); only kinds are kept, never the values. A file
 * shows the flags of its current content, so a restored version has its own again.
 */
public interface FilePii {

	/** Records what a scan of the file's content {@code sha256} found (may be empty). */
	void flag(UUID fileId, String sha256, List<String> kinds, Instant at);

	/** The flags of each file's current content, for the files that have any. */
	Map<UUID, List<String>> flagged(Collection<UUID> fileIds);

}
