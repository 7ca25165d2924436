package dev.ferry.upload;

import java.io.IOException;
import java.util.Locale;
import java.util.regex.Pattern;

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
 * {@code Tus-Resumable}, and honours {@code X-HTTP-Method-Override} on every request, as
 * tus 1.0 requires ("MUST be interpreted as the request's method"): tus-js-client's
 * {@code overridePatchMethod} and clients behind proxies that pass only GET and POST.
 * Security runs after this filter, so it judges the overridden method.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class TusProtocolFilter extends OncePerRequestFilter {

	/** An RFC 9110 method token; anything else is ignored rather than passed on. */
	private static final Pattern METHOD_TOKEN = Pattern.compile("[A-Za-z]{1,16}");

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
		if (override != null && METHOD_TOKEN.matcher(override.strip()).matches()) {
			chain.doFilter(new OverriddenMethod(request, override.strip().toUpperCase(Locale.ROOT)), response);
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
