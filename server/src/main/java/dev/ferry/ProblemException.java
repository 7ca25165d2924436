package dev.ferry;

import java.net.URI;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Base of every module's own exceptions: carries an RFC 9457 problem with a stable
 * {@code type} ({@code /problems/<slug>}) and a human {@code detail}. The web layer
 * renders it as {@code application/problem+json}.
 */
public class ProblemException extends ErrorResponseException {

	private final String slug;

	public ProblemException(HttpStatus status, String slug, String title, String detail) {
		this(status, slug, title, detail, Map.of());
	}

	public ProblemException(HttpStatus status, String slug, String title, String detail,
			Map<String, Object> properties) {
		this((HttpStatusCode) status, slug, title, detail, properties);
	}

	/**
	 * For status codes outside {@link HttpStatus}, such as tus's 460 (checksum mismatch).
	 */
	public ProblemException(HttpStatusCode status, String slug, String title, String detail,
			Map<String, Object> properties) {
		super(status, problem(status, slug, title, detail, properties), null);
		this.slug = slug;
	}

	/** The last segment of the problem's {@code type}: {@code ip-not-allowed}... */
	public String slug() {
		return this.slug;
	}

	private static ProblemDetail problem(HttpStatusCode status, String slug, String title, String detail,
			Map<String, Object> properties) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("/problems/" + slug));
		problem.setTitle(title);
		properties.forEach(problem::setProperty);
		return problem;
	}

}
