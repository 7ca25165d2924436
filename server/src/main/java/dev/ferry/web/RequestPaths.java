package dev.ferry.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The path a request is routed by: decoded and normalised by the container, as Spring
 * matches it. Filters that pick rules by path must use this, not the raw request URI:
 * {@code /%61pi/v1/share/%41bc/download} reaches the same controller as
 * {@code /api/v1/share/Abc/download}, and read raw it escaped every rate limit and the
 * defender's scoring, and gave each spelling of a token a counter of its own.
 */
final class RequestPaths {

	private RequestPaths() {
	}

	static String of(HttpServletRequest request) {
		String info = request.getPathInfo();
		return (info != null) ? request.getServletPath() + info : request.getServletPath();
	}

}
