package dev.ferry.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import dev.ferry.RefusedSettingException;

/**
 * The reverse proxies whose forwarding headers are believed
 * ({@code FERRY_TRUSTED_PROXIES}): addresses and CIDR ranges, IPv4 and IPv6. Only IP
 * literals are accepted, here and in headers, so neither configuration nor a client can
 * make the server look up a name.
 */
final class TrustedProxies {

	private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

	private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

	private final List<Range> ranges;

	private TrustedProxies(List<Range> ranges) {
		this.ranges = ranges;
	}

	/**
	 * Parses entries such as {@code 10.0.0.0/8}, {@code 192.0.2.7} or {@code fd00::/8};
	 * refuses anything else with a message naming the entry, so a typo stops the start
	 * instead of silently trusting nobody (or everybody).
	 */
	static TrustedProxies of(List<String> entries) {
		List<Range> ranges = new ArrayList<>();
		for (String raw : (entries != null) ? entries : List.<String>of()) {
			String entry = raw.strip();
			if (!entry.isEmpty()) {
				ranges.add(Range.parse(entry));
			}
		}
		return new TrustedProxies(List.copyOf(ranges));
	}

	boolean isEmpty() {
		return ranges.isEmpty();
	}

	boolean trusts(InetAddress address) {
		return ranges.stream().anyMatch((range) -> range.contains(address));
	}

	@Override
	public String toString() {
		return String.join(", ", ranges.stream().map(Range::toString).toList());
	}

	/**
	 * An IPv4 or IPv6 literal (no brackets, no zone, no port), or null for anything else.
	 */
	static InetAddress literal(String text) {
		if (text == null || text.isEmpty() || text.length() > 45) {
			return null;
		}
		if (IPV4.matcher(text).matches()) {
			for (String part : text.split("\\.")) {
				if (Integer.parseInt(part) > 255) {
					return null;
				}
			}
		}
		else if (!IPV6.matcher(text).matches()) {
			return null;
		}
		try {
			// Only digits, dots, hex and colons get here: the JDK parses these as
			// literals and throws rather than asking DNS.
			return InetAddress.getByName(text);
		}
		catch (UnknownHostException ex) {
			return null;
		}
	}

	private record Range(InetAddress network, int prefix) {

		/** The widest range taken: 10.0.0.0/8, fd00::/8; anything wider is a typo. */
		private static final int MIN_PREFIX = 8;

		static Range parse(String entry) {
			int slash = entry.indexOf('/');
			InetAddress address = literal((slash < 0) ? entry : entry.substring(0, slash));
			if (address == null) {
				throw invalid(entry);
			}
			int bits = address.getAddress().length * 8;
			int prefix = bits;
			if (slash >= 0) {
				try {
					prefix = Integer.parseInt(entry.substring(slash + 1));
				}
				catch (NumberFormatException ex) {
					throw invalid(entry);
				}
				if (prefix < 0 || prefix > bits) {
					throw invalid(entry);
				}
			}
			// 10.0.0.0/0 is a typo that trusts the whole internet to name its own
			// address.
			if (prefix < MIN_PREFIX) {
				throw new RefusedSettingException(
						"FERRY_TRUSTED_PROXIES: '" + entry + "' trusts far more than a network of proxies.",
						"List the proxies' own addresses or their network, such as 10.0.0.0/8 or fd00::/8.");
			}
			return new Range(address, prefix);
		}

		private static RefusedSettingException invalid(String entry) {
			return new RefusedSettingException(
					"FERRY_TRUSTED_PROXIES: '" + entry + "' is neither an IP address nor a CIDR range.",
					"List addresses and ranges such as 127.0.0.1, 10.0.0.0/8 or fd00::/8, separated by commas.");
		}

		boolean contains(InetAddress address) {
			byte[] want = network.getAddress();
			byte[] have = address.getAddress();
			if (want.length != have.length) {
				return false;
			}
			int whole = prefix / 8;
			for (int i = 0; i < whole; i++) {
				if (want[i] != have[i]) {
					return false;
				}
			}
			int rest = prefix % 8;
			if (rest == 0) {
				return true;
			}
			int mask = (0xFF << (8 - rest)) & 0xFF;
			return (want[whole] & mask) == (have[whole] & mask);
		}

		@Override
		public String toString() {
			return network.getHostAddress() + "/" + prefix;
		}

	}

}
