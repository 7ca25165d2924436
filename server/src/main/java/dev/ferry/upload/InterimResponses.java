package dev.ferry.upload;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends an informational (1xx) response before the final one. The Servlet API can send
 * only 100 and 103, so this writes the interim response to Tomcat's HTTP/1.1 connection
 * the way Tomcat writes its own 100 (Continue): through the connection's socket wrapper,
 * before anything of the final response. Under another container, over HTTP/2, or once
 * the response is committed it sends nothing and says so: the draft makes 104 a SHOULD,
 * and a client that gets none uses the final response's {@code Location}.
 * {@code ResumableUploadDraftIntegrationTests} reads the 104 with curl, so a Tomcat
 * upgrade that changes these internals fails a test instead of silently dropping the
 * response.
 */
final class InterimResponses {

	private static final Logger log = LoggerFactory.getLogger(InterimResponses.class);

	private InterimResponses() {
	}

	/**
	 * Writes {@code HTTP/1.1 <status> <reason>} with {@code headers}; the values must be
	 * the server's own (no CR or LF). Returns whether it was sent.
	 */
	static boolean send(HttpServletRequest request, int status, String reason, Map<String, String> headers) {
		if (!"HTTP/1.1".equals(request.getProtocol())) {
			return false;
		}
		StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(' ').append(reason).append("\r\n");
		headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
		byte[] bytes = head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
		try {
			Object coyoteResponse = coyoteResponse(request);
			if (coyoteResponse == null
					|| (boolean) coyoteResponse.getClass().getMethod("isCommitted").invoke(coyoteResponse)) {
				return false;
			}
			Object processor = field(coyoteResponse, "hook");
			Object socket = field(field(processor, "outputBuffer"), "socketWrapper");
			Method write = socket.getClass().getMethod("write", boolean.class, byte[].class, int.class, int.class);
			Method flush = socket.getClass().getMethod("flush", boolean.class);
			write.setAccessible(true);
			flush.setAccessible(true);
			write.invoke(socket, true, bytes, 0, bytes.length);
			flush.invoke(socket, true);
			return true;
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			if (ex.getCause() instanceof IOException) {
				log.debug("The client went away before the {} interim response", status);
			}
			else {
				log.warn("Cannot send a {} interim response on this server ({}); clients use the final response",
						status, ex.toString());
			}
			return false;
		}
	}

	private static Object coyoteResponse(HttpServletRequest request) throws ReflectiveOperationException {
		ServletRequest unwrapped = request;
		while (unwrapped instanceof ServletRequestWrapper wrapper) {
			unwrapped = wrapper.getRequest();
		}
		if (!unwrapped.getClass().getName().equals("org.apache.catalina.connector.RequestFacade")) {
			return null;
		}
		Object connectorRequest = field(unwrapped, "request");
		Object coyoteRequest = connectorRequest.getClass().getMethod("getCoyoteRequest").invoke(connectorRequest);
		return coyoteRequest.getClass().getMethod("getResponse").invoke(coyoteRequest);
	}

	/** A field of {@code target} or of one of its superclasses. */
	private static Object field(Object target, String name) throws ReflectiveOperationException {
		for (Class<?> type = target.getClass(); type != null; type = type.getSuperclass()) {
			try {
				Field field = type.getDeclaredField(name);
				field.setAccessible(true);
				return field.get(target);
			}
			catch (NoSuchFieldException ex) {
				// declared higher up
			}
		}
		throw new NoSuchFieldException(name);
	}

}
