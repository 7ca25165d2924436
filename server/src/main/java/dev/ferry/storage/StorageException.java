package dev.ferry.storage;

import java.io.IOException;

import dev.ferry.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * The blob store failed (disk full, I/O error, unreachable object store). A full disk is
 * 507 (Insufficient Storage) so a client knows retrying now will not help; anything else
 * is 503. The detail is deliberately generic; the I/O error rides along as a suppressed
 * exception for the log.
 */
public class StorageException extends ProblemException {

	/**
	 * What Linux and macOS say for ENOSPC and EDQUOT; Java has no exception type for it.
	 */
	private static final String[] FULL = { "No space left on device", "Disk quota exceeded" };

	public StorageException(Throwable cause) {
		super(isFull(cause) ? HttpStatus.INSUFFICIENT_STORAGE : HttpStatus.SERVICE_UNAVAILABLE,
				isFull(cause) ? "storage-full" : "storage-unavailable",
				isFull(cause) ? "Storage full" : "Storage unavailable",
				isFull(cause) ? "The server's storage is full; nothing from this request was kept. Try again later"
						+ " or tell the administrator." : "The content store failed; try again later.");
		addSuppressed(cause);
	}

	/**
	 * Whether {@code cause}, or anything it wraps, is the file system running out of
	 * room.
	 */
	public static boolean isFull(Throwable cause) {
		for (Throwable t = cause; t != null; t = t.getCause()) {
			if (t instanceof IOException && t.getMessage() != null) {
				for (String message : FULL) {
					if (t.getMessage().contains(message)) {
						return true;
					}
				}
			}
		}
		return false;
	}

}
