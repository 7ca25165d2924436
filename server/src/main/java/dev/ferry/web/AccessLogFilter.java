package dev.ferry.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * One log line per request, under the request id ({@link RequestIdFilter} runs first). It
 * names the route template where there is one; otherwise (the web UI's {@code /s/<token>}
 * and {@code /u/<token>} pages, unknown paths) the path with token-like segments redacted
 * ({@link LoggedPaths}), because links carry their secret token in the path. The query
 * string is never logged. Successful health checks and metric scrapes are left out: they
 * would drown everything else.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class AccessLogFilter extends OncePerRequestFilter {

	/** A short lowercase name, so LOGGING_LEVEL_FERRY_ACCESS=warn can silence it. */
	private static final Logger log = LoggerFactory.getLogger("ferry.access");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long start = System.nanoTime();
		try {
			chain.doFilter(request, response);
		}
		finally {
			int status = response.getStatus();
			if (status >= 400 || !isProbe(request.getRequestURI())) {
				log.info("{} {} {} {}ms", request.getMethod(), route(request), status,
						(System.nanoTime() - start) / 1_000_000);
			}
		}
	}

	/**
	 * The catch-all static resource pattern says nothing, so such requests show their
	 * path.
	 */
	private static String route(HttpServletRequest request) {
		Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
		return LoggedPaths
			.redact((pattern == null || "/**".equals(pattern)) ? request.getRequestURI() : pattern.toString());
	}

	private static boolean isProbe(String path) {
		return path.equals("/health") || path.startsWith("/health/") || path.equals("/metrics");
	}

}
