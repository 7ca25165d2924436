package dev.ferry.files;

import org.springframework.http.HttpStatus;

/** The problems of bulk operations, in the files module's {@link FileException}. */
final class BulkProblems {

	private BulkProblems() {
	}

	static FileException invalid(String detail) {
		return new FileException(HttpStatus.BAD_REQUEST, "invalid-bulk", "Invalid bulk operation", detail);
	}

	static FileException tooManyJobs(int most) {
		return new FileException(HttpStatus.TOO_MANY_REQUESTS, "too-many-jobs", "Too many jobs running",
				"You have " + most + " bulk jobs running; start another when one has finished.");
	}

	static FileException jobNotFound() {
		return new FileException(HttpStatus.NOT_FOUND, "job-not-found", "No such job",
				"There is no bulk job with this id.");
	}

}
