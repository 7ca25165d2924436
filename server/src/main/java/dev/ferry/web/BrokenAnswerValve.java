package dev.ferry.web;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;

/**
 * Cuts the connection (HTTP/1.1) or resets the stream (HTTP/2) of an answer that failed
 * after it began, instead of ending it as if it were whole: a ZIP whose next file could
 * not be read would otherwise reach the browser as a complete download. The servlet API
 * has no way to abort an answer; the application marks it with {@link #mark}.
 */
class BrokenAnswerValve extends ValveBase {

	private static final String BROKEN = BrokenAnswerValve.class.getName() + ".broken";

	BrokenAnswerValve() {
		super(true);
	}

	static void mark(ServletRequest request) {
		request.setAttribute(BROKEN, Boolean.TRUE);
	}

	@Override
	public void invoke(Request request, Response response) throws IOException, ServletException {
		getNext().invoke(request, response);
		if (request.getAttribute(BROKEN) != null) {
			response.getCoyoteResponse().action(ActionCode.CLOSE_NOW, null);
		}
	}

}
