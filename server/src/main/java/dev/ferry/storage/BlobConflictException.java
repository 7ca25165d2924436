package dev.ferry.storage;

import dev.ferry.ProblemException;

import org.springframework.http.HttpStatus;

/** A write did not start at the blob's current end (a concurrent or stale writer). */
public class BlobConflictException extends ProblemException {

	public BlobConflictException(long expected, long actual) {
		super(HttpStatus.CONFLICT, "offset-mismatch", "Offset mismatch",
				"The upload is at byte " + actual + ", not " + expected + ".");
	}

}
