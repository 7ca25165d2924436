package dev.ferry.web;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;

/**
 * Who the client is when a request came through trusted reverse proxies. Walks the hops a
 * proxy reported (in {@code X-Forwarded-For}, or in RFC 7239 {@code Forwarded} when the
 * operator chose that header; the other one is ignored) from the right, past every
 * trusted proxy, and stops at the first address that is not one: that is the client.
 * Entries further left were written by that untrusted client and are ignored, so it
 * cannot pick an address for itself. A hop that is no IP literal ({@code unknown}, an
 * obfuscated name, garbage) also ends the walk, at the last address known for sure.
 *
 * <p>
 * One header only: the usual proxy configurations append the client to
 * {@code X-Forwarded-For} and pass a {@code Forwarded} header the client sent through
 * untouched, so reading whichever is present would let any client name its own address.
 *
 * <p>
 * The protocol ({@code proto=} of the chosen {@code Forwarded} element, or the
 * {@code X-Forwarded-Proto} value at the same position from the right; a single value
 * applies to every hop) says whether the client's own connection was HTTPS.
 */
final class ForwardedClient {

	/**
	 * The resolved client address and whether it connected over HTTPS (null: unknown).
	 */
	record Client(String address, Boolean secure) {
	}

	private record Hop(String node, String proto) {
	}

	private static final int MAX_HOPS = 64;

	private final TrustedProxies proxies;

	private final boolean rfc7239;

	/** {@code rfc7239}: read {@code Forwarded}, else {@code X-Forwarded-For/-Proto}. */
	ForwardedClient(TrustedProxies proxies, boolean rfc7239) {
		this.proxies = proxies;
		this.rfc7239 = rfc7239;
	}

	/** Null when the peer is no trusted proxy: then nothing it sent counts. */
	Client resolve(String peer, Enumeration<String> forwarded, Enumeration<String> forwardedFor,
			Enumeration<String> forwardedProto) {
		InetAddress peerAddress = TrustedProxies.literal(peer);
		if (peerAddress == null || !proxies.trusts(peerAddress)) {
			return null;
		}
		List<String> protos = rfc7239 ? List.of() : elements(forwardedProto, false);
		List<Hop> hops = rfc7239 ? elements(forwarded, true).stream().map(ForwardedClient::standardHop).toList()
				: xForwarded(elements(forwardedFor, false), protos);
		String client = peerAddress.getHostAddress();
		String proto = hops.isEmpty() ? last(protos) : null;
		for (int i = hops.size() - 1; i >= 0; i--) {
			InetAddress hop = TrustedProxies.literal(node(hops.get(i).node()));
			if (hop == null) {
				if (hops.get(i).node() == null && i == hops.size() - 1) {
					proto = hops.get(i).proto();
				}
				break;
			}
			client = hop.getHostAddress();
			proto = hops.get(i).proto();
			if (!proxies.trusts(hop)) {
				break;
			}
		}
		return new Client(client, secure(proto));
	}

	private static Boolean secure(String proto) {
		if (proto == null) {
			return null;
		}
		return switch (proto.toLowerCase(Locale.ROOT)) {
			case "https" -> Boolean.TRUE;
			case "http" -> Boolean.FALSE;
			default -> null;
		};
	}

	private static List<Hop> xForwarded(List<String> addresses, List<String> protos) {
		List<Hop> hops = new ArrayList<>();
		for (int i = 0; i < addresses.size(); i++) {
			int fromRight = addresses.size() - 1 - i;
			String proto = protos.isEmpty() ? null : protos.get(Math.max(0, protos.size() - 1 - fromRight));
			hops.add(new Hop(addresses.get(i), proto));
		}
		return hops;
	}

	/** One {@code Forwarded} element: {@code for=...;proto=...;by=...;host=...}. */
	private static Hop standardHop(String element) {
		String node = null;
		String proto = null;
		for (String pair : split(element, ';')) {
			int equals = pair.indexOf('=');
			if (equals > 0) {
				String name = pair.substring(0, equals).strip().toLowerCase(Locale.ROOT);
				String value = unquote(pair.substring(equals + 1).strip());
				if ("for".equals(name)) {
					node = value;
				}
				else if ("proto".equals(name)) {
					proto = value;
				}
			}
		}
		return new Hop(node, proto);
	}

	/**
	 * The address part of a node: {@code [v6]:port}, {@code [v6]}, {@code v4:port}, a
	 * bare address.
	 */
	private static String node(String value) {
		if (value == null) {
			return null;
		}
		if (value.startsWith("[")) {
			int close = value.indexOf(']');
			return (close > 0) ? value.substring(1, close) : null;
		}
		int colon = value.indexOf(':');
		if (colon > 0 && colon == value.lastIndexOf(':')) {
			return value.substring(0, colon);
		}
		return value;
	}

	/** Comma-separated elements of all lines of a header, quotes respected, capped. */
	private static List<String> elements(Enumeration<String> lines, boolean quoted) {
		if (lines == null) {
			return List.of();
		}
		List<String> elements = new ArrayList<>();
		for (String line : Collections.list(lines)) {
			for (String element : quoted ? split(line, ',') : List.of(line.split(","))) {
				String trimmed = element.strip();
				if (!trimmed.isEmpty()) {
					elements.add(trimmed);
				}
			}
		}
		// Only the rightmost entries can matter; a huge list is someone's attack.
		return (elements.size() > MAX_HOPS) ? elements.subList(elements.size() - MAX_HOPS, elements.size()) : elements;
	}

	private static List<String> split(String text, char separator) {
		List<String> parts = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		boolean inQuotes = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '"') {
				inQuotes = !inQuotes;
			}
			if (c == separator && !inQuotes) {
				parts.add(current.toString());
				current.setLength(0);
			}
			else {
				current.append(c);
			}
		}
		parts.add(current.toString());
		return parts;
	}

	private static String unquote(String value) {
		return (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\""))
				? value.substring(1, value.length() - 1) : value;
	}

	private static String last(List<String> values) {
		return values.isEmpty() ? null : values.get(values.size() - 1);
	}

}
