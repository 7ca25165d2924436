package dev.ferry.web;

import java.io.IOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.ferry.limits.LimitsUnavailableException;
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
 * A backing service that cannot be reached (the database, or the Redis that counts limits
 * for a cluster) is the server's temporary problem, not an unexpected one: every request
 * that needs it answers 503 {@code /problems/database-unavailable} or
 * {@code /problems/limits-unavailable} with {@code Retry-After}, whether the failure
 * surfaced in a controller or in a filter (bearer authentication reads sessions, and rate
 * limits count, before any controller runs). Requests wait at most the pool's connection
 * timeout ({@code FERRY_DB_CONNECT_TIMEOUT}), and none while Redis is disconnected, so
 * threads do not pile up; both clients reconnect by themselves once the service is back.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 6)
class ServiceUnavailableFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(ServiceUnavailableFilter.class);

	private final ProblemWriter problems;

	private static final Set<String> KEPT = Set.of("x-request-id", "x-ferry-node", "tus-resumable", "vary");

	ServiceUnavailableFilter(ProblemWriter problems) {
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | RuntimeException ex) {
			Unavailable unavailable = Unavailable.of(ex);
			if (unavailable == null || response.isCommitted()) {
				throw ex;
			}
			log.warn("{} unreachable: {} {} answered 503 ({})", unavailable.service(), request.getMethod(),
					LoggedPaths.redact(RequestPaths.of(request)), rootName(ex));
			Map<String, Collection<String>> kept = kept(response);
			response.reset();
			kept.forEach((name, values) -> values.forEach((value) -> response.addHeader(name, value)));
			SecurityHeaders.addMissing(request, response);
			response.setHeader(HttpHeaders.RETRY_AFTER, Unavailable.RETRY_AFTER_SECONDS);
			problems.write(request, response, HttpStatus.SERVICE_UNAVAILABLE, unavailable.slug(), unavailable.detail());
		}
	}

	/**
	 * The headers outer filters set for every answer (the request id to quote, the node,
	 * tus' version, CORS for a browser on another origin); the failed answer's own go.
	 */
	private static Map<String, Collection<String>> kept(HttpServletResponse response) {
		Map<String, Collection<String>> kept = new LinkedHashMap<>();
		for (String name : response.getHeaderNames()) {
			String lower = name.toLowerCase(Locale.ROOT);
			if (lower.startsWith("access-control-") || KEPT.contains(lower)) {
				kept.putIfAbsent(name, List.copyOf(response.getHeaders(name)));
			}
		}
		return kept;
	}

	private static String rootName(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName();
	}

	/** Which service a failure says is away, and the problem that tells the client. */
	record Unavailable(String service, String slug, String detail) {

		static final String RETRY_AFTER_SECONDS = "5";

		static final Unavailable DATABASE = new Unavailable("Database", "database-unavailable",
				"The database cannot be reached right now; nothing was changed. Try again in a few seconds.");

		static final Unavailable LIMITS = new Unavailable("Redis", "limits-unavailable",
				"The store that counts rate limits cannot be reached right now; nothing was changed. "
						+ "Try again in a few seconds.");

		/** The service {@code ex}, or anything it wraps, says is away; null for none. */
		static Unavailable of(Throwable ex) {
			for (Throwable t = ex; t != null; t = t.getCause()) {
				if (t instanceof DataAccessResourceFailureException
						|| t instanceof TransientDataAccessResourceException) {
					return DATABASE;
				}
				if (t instanceof LimitsUnavailableException) {
					return LIMITS;
				}
			}
			return null;
		}

	}

}
