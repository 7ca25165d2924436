package dev.ferry.protect;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Suspicious activity an administrator should look at: {@code kind} is a stable name (see
 * {@link #TITLES}), {@code subject} what it is about (an address, a link, an account
 * {@code user:<id>}, a file {@code file:<id>}).
 */
record Alert(UUID id, String kind, String subject, String detail, Instant createdAt, Instant acknowledgedAt,
		UUID acknowledgedBy) {

	/** Each kind in the words the admin page and the mails use. */
	static final Map<String, String> TITLES = Map.of("address_banned", "Address banned", "link_many_addresses",
			"Link opened from many addresses", "new_country", "Used from a new country", "account_many_addresses",
			"Account failing from many addresses", "mass_deletion", "Many files deleted", "file_infected",
			"Infected file quarantined");

	static String title(String kind) {
		return TITLES.getOrDefault(kind, kind.replace('_', ' '));
	}

	AlertView view() {
		return new AlertView(id.toString(), kind, title(kind), subject, detail, createdAt.toString(),
				(acknowledgedAt != null) ? acknowledgedAt.toString() : null,
				(acknowledgedBy != null) ? acknowledgedBy.toString() : null);
	}

	record AlertView(String id, String kind, String title, String subject, String detail, String createdAt,
			String acknowledgedAt, String acknowledgedBy) {
	}

}
