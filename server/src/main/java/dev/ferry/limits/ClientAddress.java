package dev.ferry.limits;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The key a client address is counted under. IPv6 clients usually hold a whole /64, so
 * every address of one /64 counts as one; an IPv4-mapped IPv6 address counts as its IPv4
 * address.
 */
public final class ClientAddress {

	private static final Pattern IPV4 = Pattern
		.compile("(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");

	private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

	private ClientAddress() {
	}

	/**
	 * {@code text} as an address if it is an IPv4 (dotted quad) or IPv6 literal. Never
	 * asks DNS: {@link InetAddress#getByName} resolves whatever it cannot parse as a
	 * literal, and {@code bad.cafe} or {@code 1.2.3.4.5} look like one to a looser check.
	 */
	public static Optional<InetAddress> literal(String text) {
		if (text == null || !(IPV4.matcher(text).matches() || IPV6.matcher(text).matches())) {
			return Optional.empty();
		}
		try {
			return Optional.of(InetAddress.getByName(text));
		}
		catch (UnknownHostException ex) {
			return Optional.empty();
		}
	}

	public static String key(String address) {
		InetAddress parsed = literal(address).orElse(null);
		if (parsed == null) {
			return String.valueOf(address);
		}
		if (parsed instanceof Inet6Address) {
			byte[] bytes = parsed.getAddress();
			StringBuilder prefix = new StringBuilder();
			for (int i = 0; i < 8; i += 2) {
				prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
			}
			return prefix.append(":/64").toString();
		}
		return (parsed instanceof Inet4Address) ? parsed.getHostAddress() : address;
	}

}
