package dev.ferry.limits;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * The key a client address is counted under. IPv6 clients usually hold a whole /64, so
 * every address of one /64 counts as one; an IPv4-mapped IPv6 address counts as its IPv4
 * address.
 */
public final class ClientAddress {

	private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");

	private ClientAddress() {
	}

	public static String key(String address) {
		if (address == null || !LITERAL.matcher(address).matches()) {
			return String.valueOf(address);
		}
		try {
			// A literal only: getByName never resolves a name here.
			InetAddress parsed = InetAddress.getByName(address);
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
		catch (UnknownHostException ex) {
			return address;
		}
	}

}
