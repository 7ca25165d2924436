package dev.ferry.web;

import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.MismatchedInputException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * Explains why a request body could not be read, in the client's terms: too large, not
 * JSON at all (with the position), or JSON whose values have the wrong type (as field
 * errors named like the JSON). Jackson's own messages name Java classes and are never
 * passed on.
 */
final class UnreadableBody {

	private UnreadableBody() {
	}

	static ProblemDetail problemFor(HttpMessageNotReadableException ex) {
		BodyTooLargeException tooLarge = cause(ex, BodyTooLargeException.class);
		if (tooLarge != null) {
			return Problems.of(HttpStatus.valueOf(413), "content-too-large",
					BodySizeLimitFilter.tooLarge(tooLarge.limit()));
		}
		StreamReadException syntax = cause(ex, StreamReadException.class);
		if (syntax != null) {
			return Problems.of(HttpStatus.BAD_REQUEST, "malformed-json",
					"The request body is not valid JSON" + where(syntax.getLocation()) + ".");
		}
		DatabindException binding = cause(ex, DatabindException.class);
		if (binding != null && !binding.getPath().isEmpty()) {
			return Validation.problem(List.of(Validation.error(jsonPath(binding), describe(binding))));
		}
		if (binding != null) {
			return Problems.of(HttpStatus.BAD_REQUEST, "malformed-json",
					"The request body is JSON, but not the object this endpoint expects.");
		}
		if (ex.getMessage() != null && ex.getMessage().startsWith("Required request body is missing")) {
			return Problems.of(HttpStatus.BAD_REQUEST, "missing-body", "This request needs a JSON body.");
		}
		return Problems.of(HttpStatus.BAD_REQUEST, "malformed-json", "The request body could not be read as JSON.");
	}

	private static String where(TokenStreamLocation location) {
		if (location == null || location.getLineNr() < 1) {
			return "";
		}
		return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
	}

	private static String describe(DatabindException ex) {
		if (ex instanceof MismatchedInputException mismatch) {
			return ExpectedType.mustBe(mismatch.getTargetType());
		}
		return "has an invalid value";
	}

	private static String jsonPath(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	private static <T extends Throwable> T cause(Throwable ex, Class<T> type) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (type.isInstance(t)) {
				return type.cast(t);
			}
		}
		return null;
	}

}
