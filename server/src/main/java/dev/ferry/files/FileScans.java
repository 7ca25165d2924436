package dev.ferry.files;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The scan queue for the scan module: each pending file's content is one execution of the
 * {@link #JOB} job, queued by this module whenever content arrives pending (new file, new
 * version, restored from the trash), with the id {@link #jobId}; its plaintext streamed
 * from the encrypted store, and the verdicts. Each verdict is audited.
 */
public interface FileScans {

	/** The one-time job the scan module runs per file and content. */
	String JOB = "scan";

	/**
	 * The job's id for {@code fileId} with content {@code blobId}: each version its own.
	 */
	static String jobId(UUID fileId, UUID blobId) {
		return fileId + ":" + blobId;
	}

	/** The file if it still waits for a scan of content {@code blobId}. */
	Optional<ScanJob> pending(UUID fileId, UUID blobId);

	/** Every file waiting for a scan. */
	List<ScanJob> pending();

	/** The file's plaintext, decrypted while read; never written anywhere in between. */
	InputStream open(ScanJob job);

	/**
	 * The scan's final word: clean, infected (with the signature's name) or error. False,
	 * and nothing changed, when the file was deleted or got new content meanwhile.
	 */
	boolean settle(ScanJob job, ScanStatus status, String signature);

	/** The scanner failed this time: count the attempt (the job tries again). */
	void attemptFailed(ScanJob job);

	record ScanJob(UUID fileId, UUID ownerId, String path, UUID blobId, long size, int attempts) {
	}

}
