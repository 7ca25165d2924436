package dev.ferry.webhook;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Keeps webhook deliveries off the server's own network (SSRF): the delivery's HTTP
 * client resolves every host through this guard, which refuses the name when any address
 * it resolves to is not public, unless {@code FERRY_WEBHOOKS_ALLOW_PRIVATE}. The client
 * connects to exactly the addresses checked here, with no second lookup a DNS server
 * could answer differently (DNS rebinding). Redirects are never followed, so no hop
 * escapes the check.
 */
@Component
class AddressGuard implements DnsResolver {

	private final WebhookProperties properties;

	private final Lookup lookup;

	@Autowired
	AddressGuard(WebhookProperties properties) {
		this(properties, InetAddress::getAllByName);
	}

	AddressGuard(WebhookProperties properties, Lookup lookup) {
		this.properties = properties;
		this.lookup = lookup;
	}

	@Override
	public InetAddress[] resolve(String host) throws UnknownHostException {
		InetAddress[] addresses = lookup.addresses(host);
		if (!properties.allowPrivate()) {
			for (InetAddress address : addresses) {
				if (isPrivate(address)) {
					throw new NotAllowed(host);
				}
			}
		}
		return addresses;
	}

	@Override
	public String resolveCanonicalHostname(String host) throws UnknownHostException {
		return SystemDefaultDnsResolver.INSTANCE.resolveCanonicalHostname(host);
	}

	static boolean isPrivate(InetAddress address) {
		if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
				|| address.isSiteLocalAddress() || address.isMulticastAddress()) {
			return true;
		}
		byte[] bytes = address.getAddress();
		if (address instanceof Inet6Address) {
			return isPrivate6(bytes);
		}
		int first = bytes[0] & 0xff;
		int second = bytes[1] & 0xff;
		// Shared address space (carrier-grade NAT) 100.64/10, "this network" 0/8, the
		// IETF protocol block 192.0.0/24, benchmarking 198.18/15 and the reserved 240/4.
		return (first == 100 && second >= 64 && second < 128) || first == 0
				|| (first == 192 && second == 0 && bytes[2] == 0) || (first == 198 && (second & 0xfe) == 18)
				|| first >= 240;
	}

	/**
	 * Unique local addresses (fc00::/7), and the IPv6 forms that lead to an IPv4 address:
	 * IPv4-compatible ::a.b.c.d, IPv4-mapped ::ffff:a.b.c.d and IPv4-translated
	 * ::ffff:0:a.b.c.d, NAT64 64:ff9b::/96 and 6to4 2002::/16 are judged by the IPv4
	 * address inside (a NAT64 gateway in front of a private network would reach it);
	 * local-use NAT64 64:ff9b:1::/48 and Teredo 2001::/32 are refused outright. The JDK
	 * turns a mapped address into IPv4 only when it parses a literal: one that comes from
	 * DNS (an AAAA record of ::ffff:169.254.169.254) stays IPv6, and a dual-stack socket
	 * connects to the IPv4 address inside.
	 */
	private static boolean isPrivate6(byte[] bytes) {
		if ((bytes[0] & 0xfe) == 0xfc) {
			return true;
		}
		int head = ((bytes[0] & 0xff) << 8) | (bytes[1] & 0xff);
		int second = ((bytes[2] & 0xff) << 8) | (bytes[3] & 0xff);
		boolean zeroesUpTo12 = zeroes(bytes, 4, 12);
		if ((head == 0 && second == 0 && zeroesUpTo12) || (head == 0x64 && second == 0xff9b && zeroesUpTo12)
				|| mappedOrTranslated(bytes)) {
			return isPrivate(ipv4(bytes, 12));
		}
		if (head == 0x2002) {
			return isPrivate(ipv4(bytes, 2));
		}
		boolean localNat64 = head == 0x64 && second == 0xff9b && bytes[4] == 0 && bytes[5] == 1;
		return localNat64 || (head == 0x2001 && second == 0);
	}

	/** ::ffff:0:0/96 (mapped) and ::ffff:0:0:0/96 (translated, RFC 2765). */
	private static boolean mappedOrTranslated(byte[] bytes) {
		boolean ffff = (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff;
		boolean mapped = zeroes(bytes, 0, 10) && ffff;
		boolean translated = zeroes(bytes, 0, 8) && (bytes[8] & 0xff) == 0xff && (bytes[9] & 0xff) == 0xff
				&& bytes[10] == 0 && bytes[11] == 0;
		return mapped || translated;
	}

	private static boolean zeroes(byte[] bytes, int from, int to) {
		for (int i = from; i < to; i++) {
			if (bytes[i] != 0) {
				return false;
			}
		}
		return true;
	}

	private static InetAddress ipv4(byte[] bytes, int at) {
		try {
			return InetAddress.getByAddress(Arrays.copyOfRange(bytes, at, at + 4));
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException("four bytes are always an IPv4 address", ex);
		}
	}

	/** The name service the guard asks; the system's outside tests. */
	@FunctionalInterface
	interface Lookup {

		InetAddress[] addresses(String host) throws UnknownHostException;

	}

	/** A name that resolves to an address deliveries may not reach. */
	static final class NotAllowed extends UnknownHostException {

		NotAllowed(String host) {
			super(host + " resolves to an address that is not public");
		}

	}

}
