package dev.ferry.share.link;

import java.util.Optional;
import java.util.regex.Pattern;

import dev.ferry.crypto.SecureTokens;
import dev.ferry.protect.AccessGuard;

import org.springframework.stereotype.Component;

/**
 * Finds the link behind a visitor's token and lets the visitor in only when the link's
 * access rules admit the request's client address and, for a link bound to its first
 * device, the request comes from that device.
 */
@Component
class LinkLookup {

	private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

	private final ShareLinkRepository links;

	private final AccessGuard guard;

	private final LinkDevices devices;

	LinkLookup(ShareLinkRepository links, AccessGuard guard, LinkDevices devices) {
		this.links = links;
		this.guard = guard;
		this.devices = devices;
	}

	Optional<ShareLink> byToken(String token) {
		return (token != null && TOKEN.matcher(token).matches()) ? links.findByTokenHash(SecureTokens.hash(token))
				: Optional.empty();
	}

	/**
	 * Refuses (403, audited as {@code action}) a client the link's rules exclude, or a
	 * device other than the one a bound link belongs to.
	 */
	void admit(ShareLink link, String action) {
		guard.check(link.access(), action, "share_link", link.id());
		devices.admit(link, action);
	}

}
