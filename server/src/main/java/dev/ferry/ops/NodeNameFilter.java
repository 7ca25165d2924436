package dev.ferry.ops;

import java.io.IOException;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Names the node that answered in {@code X-Ferry-Node} when {@code FERRY_NODE_NAME} is
 * set, so an operator (and the cluster test) can see where a balancer sent a request.
 * Unset, nothing is sent: a single server has nothing to tell apart, and host names are
 * not the public's business.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class NodeNameFilter extends OncePerRequestFilter {

	static final String HEADER = "X-Ferry-Node";

	private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._-]{1,64}");

	private final String name;

	NodeNameFilter(@Value("${ferry.node-name:}") String name) {
		if (!name.isEmpty() && !TOKEN.matcher(name).matches()) {
			throw new IllegalArgumentException(
					"FERRY_NODE_NAME must be 1 to 64 letters, digits, dots, dashes or underscores");
		}
		this.name = name;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!name.isEmpty()) {
			response.setHeader(HEADER, name);
		}
		chain.doFilter(request, response);
	}

}
