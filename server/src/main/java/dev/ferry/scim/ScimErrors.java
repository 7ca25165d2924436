package dev.ferry.scim;

import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;

import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * SCIM endpoints answer errors as SCIM Error messages (RFC 7644 section 3.12,
 * {@code application/scim+json}), not problem+json: the module's own
 * {@link ScimException}s, and the problems of the modules it calls (a taken email is a
 * 409 {@code uniqueness}). Every error is audited as {@code scim.request} and kept as the
 * provisioning status's last error for the admin page.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(
		assignableTypes = { ScimUserController.class, ScimGroupController.class, ScimDiscoveryController.class })
class ScimErrors {

	private static final Logger log = LoggerFactory.getLogger(ScimErrors.class);

	private final ScimRepository status;

	private final AuditLog audit;

	private final Clock clock;

	ScimErrors(ScimRepository status, AuditLog audit, Clock clock) {
		this.status = status;
		this.audit = audit;
		this.clock = clock;
	}

	@ExceptionHandler(ScimException.class)
	ResponseEntity<Object> scim(ScimException ex, HttpServletRequest request) {
		return answer(request, ex.status(), ex.scimType(), ex.getMessage());
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<Object> unreadable(HttpServletRequest request) {
		return answer(request, HttpStatus.BAD_REQUEST, "invalidSyntax", "The request body is not a JSON object.");
	}

	/**
	 * Problems of the modules SCIM calls and Spring MVC's own 4xx (both
	 * {@link ErrorResponse}s); anything else is a 500 whose detail gives nothing away.
	 */
	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> other(Exception ex, HttpServletRequest request) {
		if (!(ex instanceof ErrorResponse problem)) {
			log.error("SCIM request failed", ex);
			return answer(request, HttpStatus.INTERNAL_SERVER_ERROR, null,
					"Internal error; the server log has the details.");
		}
		HttpStatus httpStatus = HttpStatus.valueOf(problem.getStatusCode().value());
		boolean lastAdmin = String.valueOf(problem.getBody().getType()).endsWith("/last-admin");
		String scimType = switch (httpStatus) {
			case CONFLICT -> lastAdmin ? null : "uniqueness";
			case BAD_REQUEST -> "invalidValue";
			default -> null;
		};
		String detail = problem.getBody().getDetail();
		return answer(request, httpStatus, scimType, (detail != null) ? detail : httpStatus.getReasonPhrase());
	}

	private ResponseEntity<Object> answer(HttpServletRequest request, HttpStatus httpStatus, String scimType,
			String detail) {
		boolean refused = httpStatus == HttpStatus.UNAUTHORIZED || httpStatus == HttpStatus.FORBIDDEN;
		AuditEvent event = refused ? AuditEvent.denied("scim.request") : AuditEvent.failure("scim.request");
		audit.record(event.detail("method", request.getMethod())
			.detail("path", request.getRequestURI())
			.detail("status", httpStatus.value())
			.detail("scim_type", scimType)
			.detail("detail", detail));
		status.error(clock.instant(),
				httpStatus.value() + " " + request.getMethod() + " " + request.getRequestURI() + ": " + detail);
		return ScimJson.respond(httpStatus, ScimJson.error(httpStatus, scimType, detail));
	}

}
