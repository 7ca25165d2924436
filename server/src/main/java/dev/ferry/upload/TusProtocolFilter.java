package dev.ferry.upload;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs before security so it covers every tus response, errors included: adds
 * {@code Tus-Resumable}, and honours {@code X-HTTP-Method-Override} on POST
 * (tus-js-client's {@code overridePatchMethod}, for proxies that drop PATCH or DELETE).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class TusProtocolFilter extends OncePerRequestFilter {

	private static final Set<String> OVERRIDABLE = Set.of("PATCH", "DELETE");

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return !(path.equals(TusController.BASE) || path.startsWith(TusController.BASE + "/"));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		response.setHeader(TusHeaders.TUS_RESUMABLE, TusHeaders.VERSION);
		String override = request.getHeader(TusHeaders.METHOD_OVERRIDE);
		if (override != null && "POST".equals(request.getMethod())
				&& OVERRIDABLE.contains(override.toUpperCase(Locale.ROOT))) {
			chain.doFilter(new OverriddenMethod(request, override.toUpperCase(Locale.ROOT)), response);
			return;
		}
		chain.doFilter(request, response);
	}

	private static final class OverriddenMethod extends HttpServletRequestWrapper {

		private final String method;

		OverriddenMethod(HttpServletRequest request, String method) {
			super(request);
			this.method = method;
		}

		@Override
		public String getMethod() {
			return this.method;
		}

	}

}
