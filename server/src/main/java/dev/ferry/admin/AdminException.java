package dev.ferry.admin;

import dev.ferry.ProblemException;

import org.springframework.http.HttpStatus;

/** Administration errors, each with a stable problem type. */
public class AdminException extends ProblemException {

	AdminException(HttpStatus status, String slug, String title, String detail) {
		super(status, slug, title, detail);
	}

	static AdminException notAdmin() {
		return new AdminException(HttpStatus.FORBIDDEN, "admin-required", "Administrators only",
				"Only an administrator (with the admin scope) may do this.");
	}

}
