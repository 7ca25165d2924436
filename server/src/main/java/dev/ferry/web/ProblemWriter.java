package dev.ferry.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/** Writes a problem+json body outside Spring MVC (security filters, error page). */
@Component
class ProblemWriter {

	private final JsonMapper json;

	private final ProblemLanguage language;

	ProblemWriter(JsonMapper json, ProblemLanguage language) {
		this.json = json;
		this.language = language;
	}

	void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String slug, String detail)
			throws IOException {
		ProblemDetail problem = Problems.of(status, slug, detail);
		Problems.setInstance(problem, request.getRequestURI());
		write(request, response, problem);
	}

	/** Writes {@code problem} in the language the request accepts. */
	void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem) throws IOException {
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		json.writeValue(response.getOutputStream(),
				language.translate(problem, request.getHeader(HttpHeaders.ACCEPT_LANGUAGE)));
	}

}
