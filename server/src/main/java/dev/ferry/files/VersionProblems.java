package dev.ferry.files;

import org.springframework.http.HttpStatus;

/** The problems of file versions, in the files module's {@link FileException}. */
final class VersionProblems {

	private VersionProblems() {
	}

	static FileException notFound() {
		return new FileException(HttpStatus.NOT_FOUND, "version-not-found", "No such version",
				"This file has no version with this number (older versions beyond the number kept are removed).");
	}

	static FileException changedMeanwhile(String path) {
		return new FileException(HttpStatus.CONFLICT, "version-conflict", "File changed meanwhile",
				"Another upload changed " + path + " at the same moment; send yours again.");
	}

	static FileException invalidKeep(String detail) {
		return new FileException(HttpStatus.BAD_REQUEST, "invalid-version-settings", "Invalid version settings",
				detail);
	}

}
