package dev.ferry.scim;

import org.springframework.http.HttpStatus;

/**
 * A SCIM error (RFC 7644 section 3.12): a status, an optional {@code scimType} and a
 * human detail. Rendered by {@link ScimErrors} as {@code application/scim+json}.
 */
class ScimException extends RuntimeException {

	private final HttpStatus status;

	private final String scimType;

	ScimException(HttpStatus status, String scimType, String detail) {
		super(detail);
		this.status = status;
		this.scimType = scimType;
	}

	HttpStatus status() {
		return status;
	}

	String scimType() {
		return scimType;
	}

	static ScimException invalidValue(String detail) {
		return new ScimException(HttpStatus.BAD_REQUEST, "invalidValue", detail);
	}

	static ScimException invalidFilter(String detail) {
		return new ScimException(HttpStatus.BAD_REQUEST, "invalidFilter", detail);
	}

	static ScimException invalidPath(String detail) {
		return new ScimException(HttpStatus.BAD_REQUEST, "invalidPath", detail);
	}

	static ScimException uniqueness(String detail) {
		return new ScimException(HttpStatus.CONFLICT, "uniqueness", detail);
	}

	static ScimException notFound(String resource, String id) {
		return new ScimException(HttpStatus.NOT_FOUND, null, resource + " " + id + " not found.");
	}

}
