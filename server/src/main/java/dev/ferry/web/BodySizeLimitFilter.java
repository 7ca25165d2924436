package dev.ferry.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps bodies of the types that are parsed in memory (JSON, XML, text, forms), so one
 * request cannot exhaust the heap. A declared {@code Content-Length} over the limit is
 * refused before reading; a chunked body fails with {@link BodyTooLargeException} as soon
 * as it passes the limit. Every other type (file content, tus'
 * {@code offset+octet-stream}) is streamed to storage and not limited here.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class BodySizeLimitFilter extends OncePerRequestFilter {

	private static final Pattern PARSED_IN_MEMORY = Pattern.compile(
			"\\s*(application/([\\w.-]+\\+)?(json|xml)|application/x-www-form-urlencoded|text/[\\w.+-]+)\\s*(;|$)",
			Pattern.CASE_INSENSITIVE);

	private final long limit;

	private final ProblemWriter problems;

	BodySizeLimitFilter(HttpProperties properties, ProblemWriter problems) {
		this.limit = properties.maxBodySize().toBytes();
		this.problems = problems;
	}

	/**
	 * Endpoints whose body is file content whatever its declared type ({@code curl -T
	 * notes.json -H 'Content-Type: application/json'} is a file, not a document to
	 * parse): plain, tus and draft uploads, chunks. A draft creation carries the file's
	 * own type, and {@code curl --data-binary} declares a form. None of their handlers
	 * parses a body, and the form filter that would is off.
	 */
	private static final Pattern STREAMED_PATHS = Pattern
		.compile("/api/v1/(?:files/content|uploads(?:/[^/]+)?|files/upload(?:/[^/]+)?)");

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String type = request.getContentType();
		return type == null || !PARSED_IN_MEMORY.matcher(type).lookingAt()
				|| STREAMED_PATHS.matcher(RequestPaths.of(request)).matches();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > limit) {
			SecurityHeaders.addMissing(request, response);
			problems.write(request, response, HttpStatus.valueOf(413), "content-too-large", tooLarge(limit));
			return;
		}
		chain.doFilter(new LimitedRequest(request, limit), response);
	}

	static String tooLarge(long limit) {
		return "The request body is larger than the limit of " + limit + " bytes.";
	}

	private static final class LimitedRequest extends HttpServletRequestWrapper {

		private final long limit;

		private ServletInputStream limited;

		private long count;

		LimitedRequest(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (limited == null) {
				limited = new CountedInputStream(super.getInputStream(), this::count);
			}
			return limited;
		}

		private void count(int n) throws BodyTooLargeException {
			count += n;
			if (count > limit) {
				throw new BodyTooLargeException(limit);
			}
		}

		@Override
		public BufferedReader getReader() throws IOException {
			String encoding = getCharacterEncoding();
			try {
				Charset charset = (encoding != null) ? Charset.forName(encoding) : StandardCharsets.UTF_8;
				return new BufferedReader(new InputStreamReader(getInputStream(), charset));
			}
			catch (IllegalArgumentException ex) {
				throw new UnsupportedEncodingException(encoding);
			}
		}

	}

}
