package dev.ferry.protect;

import java.util.Map;

/** The defender's reasons in words an administrator reads in alerts and mails. */
final class Reasons {

	private static final Map<String, String> WORDS = Map.of("failed_credentials", "wrong passwords, codes or tokens",
			"rate_limited", "rate limits hit", "unknown_id", "unknown ids or links probed", "ip_not_allowed",
			"refused by an IP allow-list", "country_not_allowed", "refused by a country rule");

	private Reasons() {
	}

	static String describe(String reason) {
		return WORDS.getOrDefault(reason, reason.replace('_', ' '));
	}

}
