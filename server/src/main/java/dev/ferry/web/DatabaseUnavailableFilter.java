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
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A database that cannot be reached is the server's temporary problem, not an unexpected
 * one: every request that needs it answers 503 {@code /problems/database-unavailable}
 * with {@code Retry-After}, whether the failure surfaced in a controller or in a filter
 * (bearer authentication reads sessions before any controller runs). Requests wait at
 * most the pool's connection timeout ({@code FERRY_DB_CONNECT_TIMEOUT}), so threads do
 * not pile up, and the pool reconnects by itself once the database is back.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 6)
class DatabaseUnavailableFilter extends OncePerRequestFilter {

	static final String SLUG = "database-unavailable";

	static final String DETAIL = "The database cannot be reached right now; nothing was changed. Try again in a"
			+ " few seconds.";

	static final String RETRY_AFTER_SECONDS = "5";

	private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);

	private final ProblemWriter problems;

	DatabaseUnavailableFilter(ProblemWriter problems) {
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | RuntimeException ex) {
			if (!isUnreachable(ex) || response.isCommitted()) {
				throw ex;
			}
			log.warn("Database unreachable: {} {} answered 503 ({})", request.getMethod(),
					LoggedPaths.redact(RequestPaths.of(request)), rootMessage(ex));
			response.reset();
			SecurityHeaders.addMissing(request, response);
			response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
			problems.write(request, response, HttpStatus.SERVICE_UNAVAILABLE, SLUG, DETAIL);
		}
	}

	/** Whether {@code ex}, or anything it wraps, says the database cannot be reached. */
	static boolean isUnreachable(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof DataAccessResourceFailureException || t instanceof TransientDataAccessResourceException) {
				return true;
			}
		}
		return false;
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName();
	}

}
