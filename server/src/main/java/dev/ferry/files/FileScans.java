package dev.ferry.files;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The scan queue for the scan module: files waiting for a scan, their plaintext streamed
 * from the encrypted store, and the verdicts. Each verdict is audited.
 */
public interface FileScans {

	/** Up to {@code max} pending files whose next attempt is due at {@code now}. */
	List<ScanJob> due(Instant now, int max);

	/** The file's plaintext, decrypted while read; never written anywhere in between. */
	InputStream open(ScanJob job);

	/** The scan's final word: clean, infected (with the signature's name) or error. */
	void settle(ScanJob job, ScanStatus status, String signature);

	/** The scanner failed this time: count the attempt and try again at {@code at}. */
	void retryAt(ScanJob job, Instant at);

	/**
	 * No scanner is configured: files that were waiting for one are marked skipped.
	 */
	int skipPending();

	record ScanJob(UUID fileId, UUID ownerId, String path, UUID blobId, long size, int attempts) {
	}

}
