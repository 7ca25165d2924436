package dev.ferry.web;

import java.net.URI;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Stable problem types for errors that do not come from a module's own exception. Clients
 * branch on {@code type}, so these slugs are part of the API and must not change.
 */
final class Problems {

	static final String INTERNAL_DETAIL = "Something went wrong on our side. "
			+ "Quote the X-Request-Id header when reporting it.";

	private Problems() {
	}

	static ProblemDetail of(HttpStatusCode status, String slug, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("/problems/" + slug));
		return problem;
	}

	/**
	 * Sets {@code instance} to the request path. A raw path that is not a valid URI
	 * (Tomcat lets a few such characters through) leaves it unset: the member is
	 * optional, and the error being reported matters more.
	 */
	static void setInstance(ProblemDetail problem, String requestUri) {
		try {
			problem.setInstance(URI.create(requestUri));
		}
		catch (IllegalArgumentException ex) {
			problem.setInstance(null);
		}
	}

	/** Fills in a type for problems Spring created without one ({@code about:blank}). */
	static void ensureType(ProblemDetail problem) {
		if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
			problem.setType(URI.create("/problems/" + slugFor(HttpStatusCode.valueOf(problem.getStatus()))));
		}
	}

	static String slugFor(HttpStatusCode status) {
		return switch (status.value()) {
			case 400 -> "bad-request";
			case 401 -> "unauthenticated";
			case 403 -> "forbidden";
			case 404 -> "not-found";
			case 405 -> "method-not-allowed";
			case 406 -> "not-acceptable";
			case 408 -> "request-timeout";
			case 409 -> "conflict";
			case 411 -> "length-required";
			case 413 -> "content-too-large";
			case 414 -> "uri-too-long";
			case 415 -> "unsupported-media-type";
			case 429 -> "too-many-requests";
			case 501 -> "not-implemented";
			case 503 -> "unavailable";
			default -> status.is4xxClientError() ? "bad-request" : "internal";
		};
	}

	/** A human detail for errors that carry nothing more specific than their status. */
	static String detailFor(HttpStatusCode status) {
		return switch (status.value()) {
			case 400 -> "The request is malformed.";
			case 401 -> "Sign in first: send 'Authorization: Bearer <access token or API key>'.";
			case 403 -> "You are not allowed to do this.";
			case 404 -> "There is nothing at this address.";
			case 405 -> "This method is not allowed here; the Allow header lists the ones that are.";
			case 408 -> "The request took too long to arrive.";
			case 413 -> "The request is too large.";
			case 414 -> "The URL is too long.";
			case 429 -> "Too many requests; retry later.";
			case 503 -> "The service is temporarily unavailable; retry later.";
			default -> status.is4xxClientError() ? "The request cannot be processed." : INTERNAL_DETAIL;
		};
	}

}
