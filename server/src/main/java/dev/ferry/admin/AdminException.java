package dev.ferry.admin;

import java.util.List;
import java.util.Map;

import dev.ferry.ProblemException;

import org.springframework.http.HttpStatus;

/** Administration errors, each with a stable problem type. */
public class AdminException extends ProblemException {

	AdminException(HttpStatus status, String slug, String title, String detail) {
		super(status, slug, title, detail);
	}

	private AdminException(HttpStatus status, String slug, String title, String detail,
			Map<String, Object> properties) {
		super(status, slug, title, detail, properties);
	}

	static AdminException outOfRange(String parameter, int min, int max) {
		String message = "must be between " + min + " and " + max;
		return new AdminException(HttpStatus.BAD_REQUEST, "invalid-parameter", "Invalid parameter",
				"Parameter '" + parameter + "' " + message + ".",
				Map.of("errors", List.of(Map.of("field", parameter, "message", message))));
	}

}
