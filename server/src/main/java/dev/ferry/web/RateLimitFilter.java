package dev.ferry.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.CurrentUser;
import dev.ferry.limits.Limiter;
import dev.ferry.limits.Usage;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Applies the request rate limits ({@link RatePolicies}) to every {@code /api/} call,
 * after Spring Security (order -100) so a call is counted against its account. Each
 * response on a limited route carries {@code RateLimit-Policy} and {@code RateLimit}
 * (draft-ietf-httpapi-ratelimit-headers, structured fields); a call over a limit gets 429
 * {@code rate-limited} with {@code Retry-After} and takes nothing from the other limits.
 * {@link DefenderFilter} scores every 429, so a flood also feeds the defender.
 */
@Component
@Order(-99)
class RateLimitFilter extends OncePerRequestFilter {

	private final RatePolicies policies;

	private final Limiter limiter;

	private final ProblemWriter problems;

	private final AuditLog audit;

	RateLimitFilter(RatePolicies policies, Limiter limiter, ProblemWriter problems, AuditLog audit) {
		this.policies = policies;
		this.limiter = limiter;
		this.problems = problems;
		this.audit = audit;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !RequestPaths.of(request).startsWith("/api/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		UUID account = account();
		List<RatePolicies.Applied> applied = policies.requestCounters(request, account);
		List<Taken> taken = new ArrayList<>();
		Taken refused = null;
		for (RatePolicies.Applied each : applied) {
			Taken attempt = new Taken(each, limiter.take(each.counter(), 1));
			taken.add(attempt);
			if (!attempt.usage().granted() && refused == null) {
				refused = attempt;
			}
		}
		List<RatePolicies.Applied> requests = List.copyOf(applied);
		Optional<RatePolicies.Applied> bytes = policies.byteCounter(request, account);
		long upFront = bytes.map((b) -> UploadAllowance.upFront(b.policy(), request)).orElse(0L);
		if (refused == null && bytes.isPresent()) {
			Taken body = new Taken(bytes.get(), limiter.take(bytes.get().counter(), upFront));
			taken.add(body);
			refused = body.usage().granted() ? null : body;
		}
		headers(response, taken);
		if (refused != null) {
			limiter.refund(taken.stream()
				.filter((t) -> t.usage().granted() && requests.contains(t.applied()))
				.map((t) -> t.applied().counter())
				.toList());
			refuse(request, response, refused);
			return;
		}
		HttpServletRequest next = bytes
			.map((b) -> (HttpServletRequest) new UploadAllowance(request, limiter, b.counter(), upFront))
			.orElse(request);
		chain.doFilter(next, response);
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response, Taken refused) throws IOException {
		RatePolicy policy = refused.applied().policy();
		long seconds = Math.max(1, RatePolicy.ceilSeconds(refused.usage().retryAfter()));
		audit.record(AuditEvent.denied("rate_limit.refused")
			.detail("policy", policy.name())
			.detail("path", LoggedPaths.redact(RequestPaths.of(request)))
			.detail("retry_after", seconds));
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
		ProblemDetail problem = Problems.of(HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
				"Too many requests for the '" + policy.name() + "' limit (" + policy.quota() + " per "
						+ RatePolicy.ceilSeconds(policy.window()) + " s). Try again in " + seconds + " s.");
		problem.setProperty("policy", policy.name());
		Problems.setInstance(problem, request.getRequestURI());
		SecurityHeaders.addMissing(request, response);
		problems.write(request, response, problem);
	}

	private static void headers(HttpServletResponse response, List<Taken> taken) {
		if (taken.isEmpty()) {
			return;
		}
		response.setHeader("RateLimit-Policy",
				taken.stream().map((t) -> t.applied().policy().describe()).collect(Collectors.joining(", ")));
		response.setHeader("RateLimit", taken.stream().map(Taken::describe).collect(Collectors.joining(", ")));
	}

	private static UUID account() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication != null && authentication.getPrincipal() instanceof CurrentUser user) ? user.userId()
				: null;
	}

	/** What one limit answered for this request. */
	record Taken(RatePolicies.Applied applied, Usage usage) {

		/** {@code "name";r=remaining;t=seconds}, a member of {@code RateLimit}. */
		String describe() {
			RatePolicy policy = applied.policy();
			long reset = usage.granted() ? policy.secondsUntilFull(usage.remaining())
					: Math.max(1, RatePolicy.ceilSeconds(usage.retryAfter()));
			return "\"" + policy.name() + "\";r=" + (usage.granted() ? usage.remaining() : 0) + ";t=" + reset;
		}

	}

}
