package dev.ferry.web;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolationException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Maps every exception to RFC 9457 problem+json with a stable {@code type}. Spring's own
 * exceptions (404, 405, 415, malformed JSON...) get details in the client's terms, every
 * module's {@link dev.ferry.ProblemException} passes through as it is, and anything
 * unexpected becomes a 500 whose detail names only the request id, never a class, path or
 * stack trace.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	/** String data right truncation, character not in repertoire, untranslatable. */
	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

	private final Validation validation;

	private final DeniedRequests denied;

	private final ProblemLanguage language;

	ApiExceptionHandler(Validation validation, DeniedRequests denied, ProblemLanguage language) {
		this.validation = validation;
		this.denied = denied;
		this.language = language;
	}

	@Override
	protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		return noEndpoint(ex, headers, request);
	}

	@Override
	protected ResponseEntity<Object> handleNoHandlerFoundException(NoHandlerFoundException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		return noEndpoint(ex, headers, request);
	}

	private ResponseEntity<Object> noEndpoint(Exception ex, HttpHeaders headers, WebRequest request) {
		HttpServletRequest servlet = servletRequest(request);
		ProblemDetail problem = Problems.of(HttpStatus.NOT_FOUND, "not-found",
				"There is no endpoint at " + servlet.getMethod() + " " + servlet.getRequestURI() + ".");
		return handleExceptionInternal(ex, problem, headers, HttpStatus.NOT_FOUND, request);
	}

	@Override
	protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(HttpRequestMethodNotSupportedException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = Problems.of(status, "method-not-allowed",
				"Method " + ex.getMethod() + " is not allowed here; use " + oneOf(ex.getSupportedHttpMethods()) + ".");
		return handleExceptionInternal(ex, problem, headers, status, request);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String given = (ex.getContentType() != null) ? "Content-Type '" + ex.getContentType() + "' is not supported"
				: "A Content-Type header is required";
		ProblemDetail problem = Problems.of(status, "unsupported-media-type",
				given + "; send " + oneOf(ex.getSupportedMediaTypes()) + ".");
		return handleExceptionInternal(ex, problem, headers, status, request);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMediaTypeNotAcceptable(HttpMediaTypeNotAcceptableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = Problems.of(status, "not-acceptable",
				"No response type in the Accept header can be produced; accept " + oneOf(ex.getSupportedMediaTypes())
						+ ".");
		return handleExceptionInternal(ex, problem, headers, status, request);
	}

	@Override
	protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = Problems.of(status, "missing-parameter",
				"Parameter '" + ex.getParameterName() + "' is required.");
		return handleExceptionInternal(ex, problem, headers, status, request);
	}

	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String name = (ex.getPropertyName() != null) ? ex.getPropertyName() : "value";
		String mustBe = ExpectedType.mustBe(ex.getRequiredType());
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "invalid-parameter",
				"Parameter '" + name + "' " + mustBe + ".");
		problem.setProperty("errors", List.of(Validation.error(name, mustBe)));
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = UnreadableBody.problemFor(ex);
		return handleExceptionInternal(ex, problem, headers, HttpStatusCode.valueOf(problem.getStatus()), request);
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return handleExceptionInternal(ex, validation.of(ex.getBindingResult()), headers, HttpStatus.BAD_REQUEST,
				request);
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return handleExceptionInternal(ex, validation.of(ex), headers, HttpStatus.BAD_REQUEST, request);
	}

	/**
	 * Tomcat refusing parameters it cannot parse: a form body (query strings are checked
	 * earlier by {@link QueryStringFilter}) with a malformed encoding or too many fields.
	 */
	@ExceptionHandler(InvalidParameterException.class)
	ResponseEntity<Object> invalidParameters(InvalidParameterException ex, WebRequest request) {
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "bad-request",
				"The request's parameters cannot be read: malformed percent-encoding or too many of them.");
		return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
	}

	@ExceptionHandler(ConstraintViolationException.class)
	ResponseEntity<Object> constraintViolation(ConstraintViolationException ex, WebRequest request) {
		return handleExceptionInternal(ex, validation.of(ex), new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
	}

	/**
	 * A 403 a service decided on itself is a permission denial too, so it is audited; a
	 * full disk mid-upload reads the rest of the body so the 507 reaches the client.
	 */
	@Override
	protected ResponseEntity<Object> handleErrorResponseException(ErrorResponseException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		if (status.value() == HttpStatus.FORBIDDEN.value() && request instanceof ServletWebRequest servlet) {
			denied.recordDenial(servlet.getRequest(), ex.getBody().getType().toString());
		}
		if (status.value() == HttpStatus.INSUFFICIENT_STORAGE.value() && request instanceof ServletWebRequest servlet) {
			RefusedUploadBody.discard(servlet.getRequest());
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

	/** Authentication demanded inside MVC (method security without a caller). */
	@ExceptionHandler(AuthenticationException.class)
	void unauthenticated(AuthenticationException ex, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		denied.commence(request, response, ex);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> unexpected(Exception ex, WebRequest request) {
		ServiceUnavailableFilter.Unavailable unavailable = ServiceUnavailableFilter.Unavailable.of(ex);
		if (unavailable != null) {
			log.warn("{} unreachable; answered 503", unavailable.service());
			ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, unavailable.slug(),
					unavailable.detail());
			HttpHeaders headers = new HttpHeaders();
			headers.set(HttpHeaders.RETRY_AFTER, ServiceUnavailableFilter.Unavailable.RETRY_AFTER_SECONDS);
			return handleExceptionInternal(ex, problem, headers, HttpStatus.SERVICE_UNAVAILABLE, request);
		}
		ProblemDetail refused = DatabaseRefusals.problem(ex);
		if (refused != null) {
			log.warn("The database refused a write; answered {}: {}", refused.getStatus(), ex.getMessage());
			return handleExceptionInternal(ex, refused, new HttpHeaders(), HttpStatusCode.valueOf(refused.getStatus()),
					request);
		}
		log.error("Unexpected error", ex);
		ProblemDetail problem = Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal", Problems.INTERNAL_DETAIL);
		return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
	}

	/**
	 * Every problem leaves with a type, including those Spring built itself, and in the
	 * client's language.
	 */
	@Override
	protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
			WebRequest request) {
		Object translated = body;
		if (body instanceof ProblemDetail problem) {
			Problems.ensureType(problem);
			translated = language.translate(problem, request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
		}
		return super.createResponseEntity(translated, headers, statusCode, request);
	}

	private static HttpServletRequest servletRequest(WebRequest request) {
		return ((NativeWebRequest) request).getNativeRequest(HttpServletRequest.class);
	}

	private static String oneOf(Collection<?> values) {
		return (values == null || values.isEmpty()) ? "another one"
				: values.stream().map(Object::toString).collect(Collectors.joining(", "));
	}

}
