package dev.ferry.web;

import java.io.IOException;
import java.util.Optional;

import dev.ferry.protect.Defender;
import dev.ferry.protect.ProtectException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Asks the defender about the client address before anything else reads the request: a
 * banned or denied address gets 403 {@code address-banned} whatever it sends, correct
 * credentials included ({@link RefusalAudit} audits it). Afterwards the answer is scored,
 * so every entry point feeds the defender alike: a 401 (wrong password, code or token), a
 * 429 (a limit hit) and a 404 under {@code /api/} (an unknown id or token probed) each
 * count one point.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
class DefenderFilter extends OncePerRequestFilter {

	private final Defender defender;

	private final ProblemWriter problems;

	private final RefusalAudit refusals;

	DefenderFilter(Defender defender, ProblemWriter problems, RefusalAudit refusals) {
		this.defender = defender;
		this.problems = problems;
		this.refusals = refusals;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String address = request.getRemoteAddr();
		Optional<ProtectException> refusal = defender.refusal(address);
		if (refusal.isPresent()) {
			refusals.refused(address, LoggedPaths.redact(RequestPaths.of(request)));
			ProblemDetail problem = refusal.get().getBody();
			Problems.setInstance(problem, request.getRequestURI());
			SecurityHeaders.addMissing(request, response);
			problems.write(request, response, problem);
			return;
		}
		chain.doFilter(request, response);
		String reason = reason(request, response.getStatus());
		if (reason != null) {
			defender.strike(address, reason, 1);
		}
	}

	private static String reason(HttpServletRequest request, int status) {
		return switch (status) {
			case 401 -> "failed_credentials";
			case 429 -> "rate_limited";
			case 404 -> RequestPaths.of(request).startsWith("/api/") ? "unknown_id" : null;
			default -> null;
		};
	}

}
