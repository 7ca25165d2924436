package dev.ferry.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The security headers every response carries (values from
 * {@link SecurityConfiguration}). Spring Security writes them for requests that pass its
 * filter chain; error dispatches skip its header writer and errors that Tomcat answers
 * itself (a malformed request line, oversized headers) never reach it, so those paths add
 * the same values here.
 */
final class SecurityHeaders {

	static final long HSTS_MAX_AGE_SECONDS = 31_536_000;

	private SecurityHeaders() {
	}

	static void addMissing(HttpServletRequest request, HttpServletResponse response) {
		setIfAbsent(response, "X-Content-Type-Options", "nosniff");
		setIfAbsent(response, "X-Frame-Options", "DENY");
		setIfAbsent(response, "Content-Security-Policy", SecurityConfiguration.CONTENT_SECURITY_POLICY);
		setIfAbsent(response, "Referrer-Policy", "no-referrer");
		setIfAbsent(response, "Cache-Control", "no-store");
		if (request.isSecure()) {
			setIfAbsent(response, "Strict-Transport-Security",
					"max-age=" + HSTS_MAX_AGE_SECONDS + " ; includeSubDomains");
		}
	}

	private static void setIfAbsent(HttpServletResponse response, String name, String value) {
		if (!response.containsHeader(name)) {
			response.setHeader(name, value);
		}
	}

}
