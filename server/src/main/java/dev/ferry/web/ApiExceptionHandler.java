package dev.ferry.web;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Maps every exception to RFC 9457 problem+json. Spring's own exceptions (404, 405, 415,
 * malformed JSON...) and every module's {@link dev.ferry.ProblemException} come through
 * {@link ResponseEntityExceptionHandler}; anything unexpected becomes a 500 whose detail
 * names only the request id, never a class, path or stack trace.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	/**
	 * Field errors must name fields as the (snake_case) JSON does, not as the Java
	 * records do.
	 */
	private static final Pattern CAMEL_HUMP = Pattern.compile("([a-z0-9])([A-Z])");

	private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

	private final DeniedRequests denied;

	ApiExceptionHandler(DeniedRequests denied) {
		this.denied = denied;
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"Some fields are invalid; see 'errors'.");
		problem.setType(URI.create("/problems/validation"));
		problem.setTitle("Invalid request");
		List<Map<String, Object>> errors = ex.getBindingResult().getFieldErrors().stream().map((error) -> {
			Map<String, Object> field = new LinkedHashMap<>();
			field.put("field", CAMEL_HUMP.matcher(error.getField()).replaceAll("$1_$2").toLowerCase(Locale.ROOT));
			field.put("message", error.getDefaultMessage());
			return field;
		}).toList();
		problem.setProperty("errors", errors);
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	/** A 403 a service decided on itself is a permission denial too, so it is audited. */
	@Override
	protected ResponseEntity<Object> handleErrorResponseException(ErrorResponseException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		if (status.value() == HttpStatus.FORBIDDEN.value() && request instanceof ServletWebRequest servlet) {
			denied.recordDenial(servlet.getRequest(), ex.getBody().getType().toString());
		}
		return super.handleErrorResponseException(ex, headers, status, request);
	}

	/**
	 * A denial from method security ({@code @PreAuthorize}) or a service: without this it
	 * would fall into the catch-all below and become a 500.
	 */
	@ExceptionHandler(AccessDeniedException.class)
	void accessDenied(AccessDeniedException ex, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		Authentication caller = SecurityContextHolder.getContext().getAuthentication();
		if (caller == null || TRUST.isAnonymous(caller)) {
			denied.commence(request, response, new InsufficientAuthenticationException(ex.getMessage(), ex));
		}
		else {
			denied.handle(request, response, ex);
		}
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> unexpected(Exception ex, WebRequest request) {
		log.error("Unexpected error", ex);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"Something went wrong on our side. Quote the X-Request-Id header when reporting it.");
		problem.setType(URI.create("/problems/internal"));
		return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
	}

}
