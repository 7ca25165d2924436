package dev.ferry.storage;

import dev.ferry.ProblemException;

import org.springframework.http.HttpStatus;

/** A requested byte range lies outside the blob. */
public class BlobRangeException extends ProblemException {

	public BlobRangeException(long start, long endExclusive, long length) {
		super(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE, "range-not-satisfiable", "Range not satisfiable",
				"Bytes " + start + " to " + endExclusive + " are not within the " + length + " bytes of the content.");
	}

}
