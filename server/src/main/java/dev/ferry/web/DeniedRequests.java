package dev.ferry.web;

import java.io.IOException;
import java.util.Locale;

import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.AccessPolicy;
import dev.ferry.auth.DownloadTickets;
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

	private final AuditLog audit;

	private final ProblemWriter problems;

	private final DownloadTickets tickets;

	DeniedRequests(AuditLog audit, ProblemWriter problems, DownloadTickets tickets) {
		this.audit = audit;
		this.problems = problems;
		this.tickets = tickets;
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
					ticket(request)
							? "This download link is invalid, expired or already used: start the download again."
							: "The access token or API key is invalid, expired or revoked: sign in again.");
			return;
		}
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"ferry\"");
		problems.write(request, response, HttpStatus.UNAUTHORIZED, "unauthenticated",
				"Sign in first: send 'Authorization: Bearer <access token or API key>'.");
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		String reason = (ex instanceof AccessPolicy.Denied denied) ? denied.reason() : null;
		if (!AuditLog.denialRecorded(request)) {
			audit.record(denial(request, null).detail("reason", reason));
		}
		problems.write(request, response, HttpStatus.FORBIDDEN, "forbidden", "You are not allowed to do this.");
	}

	/**
	 * Audits a 403 however it came about, unless the service that refused already put its
	 * own, more specific denial on the trail; {@code problem} is the problem type, if
	 * any.
	 */
	void recordDenial(HttpServletRequest request, String problem) {
		if (!AuditLog.denialRecorded(request)) {
			audit.record(denial(request, problem));
		}
	}

	private static AuditEvent denial(HttpServletRequest request, String problem) {
		return AuditEvent.denied("access.denied")
			.detail("path", redactedPath(request))
			.detail("method", request.getMethod())
			.detail("problem", problem);
	}

	private static boolean presentedBearer(HttpServletRequest request, AuthenticationException ex) {
		return ex instanceof OAuth2AuthenticationException || bearer(request) != null;
	}

	private static String bearer(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		return (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) ? header.substring(7).trim() : null;
	}

	/** Only the kind, told by the key's prefix: never any part of the secret. */
	private String credentialKind(HttpServletRequest request) {
		if (ticket(request)) {
			return "download_ticket";
		}
		String token = bearer(request);
		if (token != null && token.startsWith("fyat_")) {
			return "oauth_token";
		}
		return (token != null && token.startsWith("fy_")) ? "api_key" : "access_token";
	}

	private boolean ticket(HttpServletRequest request) {
		return bearer(request) == null && this.tickets.presented(request);
	}

	private static boolean isExpired(AuthenticationException ex) {
		String message = ex.getMessage();
		return message != null && message.toLowerCase(Locale.ROOT).contains("expired");
	}

	/** The request path with every token-like segment replaced, never the query. */
	static String redactedPath(HttpServletRequest request) {
		return LoggedPaths.redact(RequestPaths.of(request));
	}

}
