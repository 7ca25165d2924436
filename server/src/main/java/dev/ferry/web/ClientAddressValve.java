package dev.ferry.web;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.ServletException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the client's real address (and scheme) on the request before anything else sees
 * it, when the request came through a trusted proxy ({@link ForwardedClient}). Tomcat's
 * own {@code RemoteIpValve} matches proxies by regular expression and ignores RFC 7239
 * {@code Forwarded}; this takes CIDR ranges and either header form
 * ({@code FERRY_FORWARDED_HEADER}). Because the container request itself changes,
 * {@code getRemoteAddr()}, {@code getScheme()} and {@code isSecure()} answer the resolved
 * values everywhere: rate limits, audit records, sessions, share downloads, HSTS and the
 * links built from the request.
 *
 * <p>
 * A loopback or private peer that sends the forwarding header without being trusted is
 * most likely a proxy the operator forgot to name: every client behind it then shares its
 * address, so one guesser locks everyone out and a ban would hit them all. That is logged
 * once per peer, with the setting that fixes it.
 */
class ClientAddressValve extends ValveBase {

	private static final Logger log = LoggerFactory.getLogger(ClientAddressValve.class);

	/** Warnings are for the operator, not a log an attacker fills by changing address. */
	private static final int MAX_WARNED_PEERS = 16;

	/**
	 * Null without trusted proxies: then no request's forwarding header is read for the
	 * client.
	 */
	private final ForwardedClient resolver;

	private final String header;

	private final Set<String> warnedPeers = ConcurrentHashMap.newKeySet();

	ClientAddressValve(TrustedProxies proxies, boolean rfc7239) {
		super(true);
		this.resolver = proxies.isEmpty() ? null : new ForwardedClient(proxies, rfc7239);
		this.header = rfc7239 ? "Forwarded" : "X-Forwarded-For";
	}

	@Override
	public void invoke(Request request, Response response) throws IOException, ServletException {
		ForwardedClient.Client client = (resolver != null)
				? resolver.resolve(request.getRemoteAddr(), request.getHeaders("Forwarded"),
						request.getHeaders("X-Forwarded-For"), request.getHeaders("X-Forwarded-Proto"))
				: null;
		if (client == null) {
			warnIfUntrustedProxy(request.getRemoteAddr(), request.getHeader(header));
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

	private void warnIfUntrustedProxy(String peer, String forwarded) {
		if (forwarded == null || warnedPeers.size() >= MAX_WARNED_PEERS || warnedPeers.contains(peer)) {
			return;
		}
		InetAddress address = TrustedProxies.literal(peer);
		if (address != null && isLocal(address) && warnedPeers.add(peer)) {
			log.warn("{} sends {} but is no trusted proxy, so Ferry takes {} for the client: rate limits, bans and "
					+ "the audit trail see every client behind it as one. If it is your reverse proxy, add {} to "
					+ "FERRY_TRUSTED_PROXIES (see docs/configuration.md).", peer, header, peer, peer);
		}
	}

	/** Loopback, RFC 1918 and IPv6 unique local (fc00::/7) addresses. */
	private static boolean isLocal(InetAddress address) {
		return address.isLoopbackAddress() || address.isSiteLocalAddress()
				|| (address instanceof Inet6Address && (address.getAddress()[0] & 0xfe) == 0xfc);
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
