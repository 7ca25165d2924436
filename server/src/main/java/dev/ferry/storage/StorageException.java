package dev.ferry.storage;

import dev.ferry.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * The blob store failed (disk full, I/O error, unreachable object store). The detail is
 * deliberately generic; the I/O error rides along as a suppressed exception for the log.
 */
public class StorageException extends ProblemException {

	public StorageException(Throwable cause) {
		super(HttpStatus.SERVICE_UNAVAILABLE, "storage-unavailable", "Storage unavailable",
				"The content store failed; try again later.");
		addSuppressed(cause);
	}

}
