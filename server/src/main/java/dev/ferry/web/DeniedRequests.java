package dev.ferry.web;

import java.io.IOException;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/**
 * Answers 401 and 403 with problem+json and puts both kinds of refusal on the audit
 * trail: every permission denial as {@code access.denied}, and every bearer credential
 * that was presented but refused as {@code auth.token_rejected} (a request without any
 * credential is just told to sign in). The credential itself is never recorded.
 */
@Component
class DeniedRequests implements AuthenticationEntryPoint, AccessDeniedHandler {

	private static final Pattern UUID = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	private static final Pattern TOKEN_LIKE = Pattern.compile("[A-Za-z0-9_-]{32,}");

	private final AuditLog audit;

	private final ProblemWriter problems;

	DeniedRequests(AuditLog audit, ProblemWriter problems) {
		this.audit = audit;
		this.problems = problems;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		if (presentedBearer(request, ex)) {
			audit.record(AuditEvent.failure("auth.token_rejected")
				.detail("path", redactedPath(request))
				.detail("method", request.getMethod())
				.detail("credential", credentialKind(request))
				.detail("reason", isExpired(ex) ? "expired" : "invalid"));
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"ferry\", error=\"invalid_token\"");
			problems.write(request, response, HttpStatus.UNAUTHORIZED, "unauthenticated",
					"The access token or API key is invalid, expired or revoked: sign in again.");
			return;
		}
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"ferry\"");
		problems.write(request, response, HttpStatus.UNAUTHORIZED, "unauthenticated",
				"Sign in first: send 'Authorization: Bearer <access token or API key>'.");
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		recordDenial(request, null);
		problems.write(request, response, HttpStatus.FORBIDDEN, "forbidden", "You are not allowed to do this.");
	}

	/**
	 * Audits a 403 however it came about, unless the service that refused already put its
	 * own, more specific denial on the trail; {@code problem} is the problem type, if
	 * any.
	 */
	void recordDenial(HttpServletRequest request, String problem) {
		if (AuditLog.denialRecorded(request)) {
			return;
		}
		audit.record(AuditEvent.denied("access.denied")
			.detail("path", redactedPath(request))
			.detail("method", request.getMethod())
			.detail("problem", problem));
	}

	private static boolean presentedBearer(HttpServletRequest request, AuthenticationException ex) {
		return ex instanceof OAuth2AuthenticationException || bearer(request) != null;
	}

	private static String bearer(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		return (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) ? header.substring(7).trim() : null;
	}

	/** Only the kind, told by the API key prefix: never any part of the secret. */
	private static String credentialKind(HttpServletRequest request) {
		String token = bearer(request);
		return (token != null && token.startsWith("fy_")) ? "api_key" : "access_token";
	}

	private static boolean isExpired(AuthenticationException ex) {
		String message = ex.getMessage();
		return message != null && message.toLowerCase(Locale.ROOT).contains("expired");
	}

	/**
	 * The request path with every segment that looks like a secret (a share token, a
	 * reset code) replaced; ids (UUIDs) stay, the query string is never kept.
	 */
	static String redactedPath(HttpServletRequest request) {
		return Stream.of(request.getRequestURI().split("/", -1))
			.map((segment) -> (TOKEN_LIKE.matcher(segment).matches() && !UUID.matcher(segment).matches()) ? "{redacted}"
					: segment)
			.collect(Collectors.joining("/"));
	}

}
