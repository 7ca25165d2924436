package dev.ferry.web;

import java.io.IOException;

import jakarta.servlet.ServletException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;

/**
 * Puts the client's real address (and scheme) on the request before anything else sees
 * it, when the request came through a trusted proxy ({@link ForwardedClient}). Tomcat's
 * own {@code RemoteIpValve} matches proxies by regular expression and ignores RFC 7239
 * {@code Forwarded}; this takes CIDR ranges and either header form
 * ({@code FERRY_FORWARDED_HEADER}). Because the container request itself changes,
 * {@code getRemoteAddr()}, {@code getScheme()} and {@code isSecure()} answer the resolved
 * values everywhere: rate limits, audit records, sessions, share downloads, HSTS and the
 * links built from the request.
 */
class ClientAddressValve extends ValveBase {

	private final ForwardedClient resolver;

	ClientAddressValve(TrustedProxies proxies, boolean rfc7239) {
		super(true);
		this.resolver = new ForwardedClient(proxies, rfc7239);
	}

	@Override
	public void invoke(Request request, Response response) throws IOException, ServletException {
		ForwardedClient.Client client = resolver.resolve(request.getRemoteAddr(), request.getHeaders("Forwarded"),
				request.getHeaders("X-Forwarded-For"), request.getHeaders("X-Forwarded-Proto"));
		if (client == null) {
			getNext().invoke(request, response);
			return;
		}
		String remoteAddr = request.getRemoteAddr();
		String remoteHost = request.getRemoteHost();
		String scheme = request.getScheme();
		boolean secure = request.isSecure();
		int serverPort = request.getServerPort();
		try {
			request.setRemoteAddr(client.address());
			request.setRemoteHost(client.address());
			if (client.secure() != null && client.secure() != secure) {
				request.setSecure(client.secure());
				request.getCoyoteRequest().scheme().setString(client.secure() ? "https" : "http");
				if (!hasExplicitPort(request.getHeader("Host"))) {
					request.setServerPort(client.secure() ? 443 : 80);
				}
			}
			getNext().invoke(request, response);
		}
		finally {
			// An async request goes on after this returns and must keep the client's
			// values; the container resets them when it recycles the request anyway.
			if (!request.isAsync()) {
				restore(request, remoteAddr, remoteHost, scheme, secure, serverPort);
			}
		}
	}

	private static void restore(Request request, String remoteAddr, String remoteHost, String scheme, boolean secure,
			int serverPort) {
		request.setRemoteAddr(remoteAddr);
		request.setRemoteHost(remoteHost);
		request.setSecure(secure);
		request.getCoyoteRequest().scheme().setString(scheme);
		request.setServerPort(serverPort);
	}

	private static boolean hasExplicitPort(String host) {
		if (host == null) {
			return false;
		}
		int close = host.lastIndexOf(']');
		return host.indexOf(':', close + 1) >= 0;
	}

}
