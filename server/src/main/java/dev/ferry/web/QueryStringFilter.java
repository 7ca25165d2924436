package dev.ferry.web;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a query string that is not valid percent-encoded UTF-8 ({@code %ff%fe},
 * overlong {@code %c0%af}, a bare {@code %}) or has more parameters than Tomcat accepts
 * with 400 before anything reads a parameter. Tomcat parses parameters lazily and throws
 * from whichever {@code getParameter} call comes first, which deep inside a controller
 * became a 500 with a stack trace; checked here, every endpoint answers the same way
 * whether the caller is signed in or not.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class QueryStringFilter extends OncePerRequestFilter {

	static final String DETAIL = "The query string is malformed: every '%' must start a percent-encoded "
			+ "UTF-8 byte sequence such as %20 or %C3%A9.";

	private final ProblemWriter problems;

	private final int maxParameters;

	QueryStringFilter(ProblemWriter problems, @Value("${server.tomcat.max-parameter-count:1000}") int maxParameters) {
		this.problems = problems;
		this.maxParameters = maxParameters;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String query = request.getQueryString();
		String refusal = null;
		if (query != null && !wellFormed(query)) {
			refusal = DETAIL;
		}
		else if (query != null && parameterCount(query) > maxParameters) {
			refusal = tooMany(maxParameters);
		}
		if (refusal != null) {
			SecurityHeaders.addMissing(request, response);
			problems.write(request, response, HttpStatus.BAD_REQUEST, "bad-request", refusal);
			return;
		}
		chain.doFilter(request, response);
	}

	static String tooMany(int max) {
		return "The request has more than " + max + " parameters.";
	}

	private static int parameterCount(String query) {
		int count = 0;
		for (String part : query.split("&")) {
			if (!part.isEmpty()) {
				count++;
			}
		}
		return count;
	}

	/**
	 * Every {@code %XX} is hex and the decoded bytes of each name and value are UTF-8.
	 */
	static boolean wellFormed(String query) {
		for (String part : query.split("[&=]", -1)) {
			if (part.indexOf('%') >= 0 && !decodes(part)) {
				return false;
			}
		}
		return true;
	}

	private static boolean decodes(String part) {
		ByteBuffer bytes = ByteBuffer.allocate(part.length() * 4);
		for (int i = 0; i < part.length(); i++) {
			char c = part.charAt(i);
			if (c == '%') {
				if (i + 2 >= part.length()) {
					return false;
				}
				int high = Character.digit(part.charAt(i + 1), 16);
				int low = Character.digit(part.charAt(i + 2), 16);
				if (high < 0 || low < 0) {
					return false;
				}
				bytes.put((byte) ((high << 4) + low));
				i += 2;
			}
			else {
				bytes.put(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
			}
		}
		bytes.flip();
		try {
			StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(bytes);
			return true;
		}
		catch (CharacterCodingException ex) {
			return false;
		}
	}

}
