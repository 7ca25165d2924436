package dev.ferry.web;

import java.io.IOException;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.stereotype.Controller;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Renders the servlet container's error page ({@code /error}) as problem+json: errors
 * raised in filters (the request firewall, a module's filter throwing a
 * {@link dev.ferry.ProblemException}), {@code sendError} calls and container rejections
 * such as {@code TRACE}. Replaces Boot's whitelabel/JSON error controller.
 */
@Hidden
@Controller
class ProblemErrorController implements ErrorController {

	private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

	private final ProblemWriter problems;

	ProblemErrorController(ProblemWriter problems) {
		this.problems = problems;
	}

	@RequestMapping("/error")
	void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Throwable error = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
		Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		ProblemDetail problem;
		if (error instanceof ErrorResponse errorResponse) {
			problem = errorResponse.getBody();
			errorResponse.getHeaders().forEach((name, values) -> values.forEach((v) -> response.addHeader(name, v)));
		}
		else if (error instanceof RequestRejectedException) {
			problem = Problems.of(HttpStatus.BAD_REQUEST, "rejected-request",
					"The request was rejected: its URL or headers contain characters that are not allowed.");
		}
		else if (status instanceof Integer code) {
			problem = forStatus(HttpStatusCode.valueOf(code));
		}
		else {
			problem = forStatus(HttpStatus.NOT_FOUND);
		}
		if (problem.getStatus() >= 500) {
			Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
			log.error("Request to {} failed", LoggedPaths.redact((failed != null) ? failed.toString() : null), error);
		}
		Problems.ensureType(problem);
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		Problems.setInstance(problem, (uri != null) ? uri.toString() : request.getRequestURI());
		SecurityHeaders.addMissing(request, response);
		problems.write(request, response, problem);
	}

	private static ProblemDetail forStatus(HttpStatusCode status) {
		return Problems.of(status, Problems.slugFor(status), Problems.detailFor(status));
	}

}
