package dev.ferry.files;

import org.springframework.http.HttpStatus;

/** The problems of bulk operations, in the files module's {@link FileException}. */
final class BulkProblems {

	private BulkProblems() {
	}

	static FileException invalid(String detail) {
		return new FileException(HttpStatus.BAD_REQUEST, "invalid-bulk", "Invalid bulk operation", detail);
	}

	static FileException jobNotFound() {
		return new FileException(HttpStatus.NOT_FOUND, "job-not-found", "No such job",
				"There is no bulk job with this id.");
	}

}
