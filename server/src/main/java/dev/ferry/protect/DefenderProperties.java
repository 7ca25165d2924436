package dev.ferry.protect;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The defender: an address scoring {@code threshold} points within {@code window} is
 * banned for {@code ban}, doubled on every repeat up to {@code maxBan}. A link opened
 * from {@code linkAddresses} addresses within the window raises an alert, and so do one
 * account failing to sign in from {@code accountAddresses} addresses and one account
 * deleting {@code massDeletion} files within the window.
 */
@ConfigurationProperties("ferry.defender")
record DefenderProperties(@DefaultValue("30") int threshold, @DefaultValue("10m") Duration window,
		@DefaultValue("15m") Duration ban, @DefaultValue("7d") Duration maxBan, @DefaultValue("20") int linkAddresses,
		@DefaultValue("127.0.0.0/8,::1") List<String> exempt, @DefaultValue("5") int accountAddresses,
		@DefaultValue("50") int massDeletion) {

	DefenderProperties {
		if (threshold < 1 || window.isNegative() || window.isZero() || ban.isNegative() || ban.isZero()
				|| maxBan.compareTo(ban) < 0) {
			throw new IllegalArgumentException(
					"FERRY_DEFENDER_THRESHOLD must be at least 1, and FERRY_DEFENDER_WINDOW, FERRY_DEFENDER_BAN and "
							+ "FERRY_DEFENDER_MAX_BAN positive with the maximum ban at least the ban");
		}
		if (linkAddresses < 2 || accountAddresses < 2 || massDeletion < 2) {
			throw new IllegalArgumentException("FERRY_DEFENDER_LINK_ADDRESSES, FERRY_DEFENDER_ACCOUNT_ADDRESSES and "
					+ "FERRY_DEFENDER_MASS_DELETION must be at least 2");
		}
		for (String network : exempt) {
			if (Cidr.parse(network).isEmpty()) {
				throw new IllegalArgumentException(
						"FERRY_DEFENDER_EXEMPT: '" + network + "' is not an IPv4 or IPv6 network in CIDR notation");
			}
		}
	}

}
