package dev.ferry.audit;

import java.util.Map;

import dev.ferry.ProblemException;

import org.springframework.http.HttpStatus;

/** Errors of the audit API, each with a stable problem type. */
public class AuditException extends ProblemException {

	AuditException(HttpStatus status, String slug, String title, String detail, Map<String, Object> properties) {
		super(status, slug, title, detail, properties);
	}

	/** A query parameter that cannot be used; {@code parameter} names it for clients. */
	static AuditException badParameter(String parameter, String detail) {
		return new AuditException(HttpStatus.BAD_REQUEST, "invalid-audit-query", "Invalid audit query", detail,
				Map.of("parameter", parameter));
	}

}
