package dev.ferry.webhook;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * Keeps webhook deliveries off the server's own network (SSRF): the host is resolved and
 * every address it resolves to must be public, unless
 * {@code FERRY_WEBHOOKS_ALLOW_PRIVATE}. Redirects are never followed, so no hop escapes
 * the check.
 */
@Component
class AddressGuard {

	private final WebhookProperties properties;

	AddressGuard(WebhookProperties properties) {
		this.properties = properties;
	}

	/** Why {@code url} may not be called now, or empty when it may. */
	Optional<String> refusal(URI url) {
		if (properties.allowPrivate()) {
			return Optional.empty();
		}
		try {
			for (InetAddress address : InetAddress.getAllByName(url.getHost())) {
				if (isPrivate(address)) {
					return Optional.of("address_not_allowed");
				}
			}
			return Optional.empty();
		}
		catch (UnknownHostException ex) {
			return Optional.of("unknown_host");
		}
	}

	static boolean isPrivate(InetAddress address) {
		if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
				|| address.isSiteLocalAddress() || address.isMulticastAddress()) {
			return true;
		}
		byte[] bytes = address.getAddress();
		if (address instanceof Inet6Address) {
			// Unique local addresses, fc00::/7.
			return (bytes[0] & 0xfe) == 0xfc;
		}
		int first = bytes[0] & 0xff;
		int second = bytes[1] & 0xff;
		// Shared address space (carrier-grade NAT) 100.64/10 and 0/8.
		return (first == 100 && second >= 64 && second < 128) || first == 0;
	}

}
