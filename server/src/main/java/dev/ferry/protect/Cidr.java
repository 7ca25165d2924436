package dev.ferry.protect;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.ferry.limits.ClientAddress;

/**
 * An IPv4 or IPv6 network in CIDR notation; a bare address is a network of one. Only
 * literals are accepted, so parsing never resolves a host name.
 */
record Cidr(byte[] network, int prefix, String text) {

	private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f:.]+(/[0-9]{1,3})?");

	static Optional<Cidr> parse(String value) {
		if (value == null || !LITERAL.matcher(value.strip()).matches()) {
			return Optional.empty();
		}
		String[] parts = value.strip().split("/");
		Optional<InetAddress> address = address(parts[0]);
		if (address.isEmpty()) {
			return Optional.empty();
		}
		byte[] bytes = address.get().getAddress();
		int prefix = (parts.length == 2) ? Integer.parseInt(parts[1]) : bytes.length * 8;
		if (prefix > bytes.length * 8) {
			return Optional.empty();
		}
		byte[] network = mask(bytes, prefix);
		String text = address(network).map(InetAddress::getHostAddress).orElseThrow() + "/" + prefix;
		return Optional.of(new Cidr(network, prefix, text));
	}

	/** A literal address, IPv4-mapped IPv6 addresses as IPv4. */
	static Optional<InetAddress> address(String literal) {
		return ClientAddress.literal(literal);
	}

	boolean contains(InetAddress address) {
		byte[] bytes = address.getAddress();
		return bytes.length == network.length && java.util.Arrays.equals(mask(bytes, prefix), network);
	}

	private static Optional<InetAddress> address(byte[] bytes) {
		try {
			return Optional.of(InetAddress.getByAddress(bytes));
		}
		catch (UnknownHostException ex) {
			return Optional.empty();
		}
	}

	private static byte[] mask(byte[] bytes, int prefix) {
		byte[] masked = new byte[bytes.length];
		for (int i = 0; i < bytes.length; i++) {
			int bits = Math.max(0, Math.min(8, prefix - i * 8));
			masked[i] = (byte) (bytes[i] & (0xff00 >> bits));
		}
		return masked;
	}

}
