package dev.ferry.protect;

import java.time.Instant;
import java.util.UUID;

/**
 * Suspicious activity an administrator should look at: {@code kind} is a stable name
 * ({@code address_banned}, {@code link_many_addresses}, {@code new_country}),
 * {@code subject} what it is about (an address, a link id).
 */
record Alert(UUID id, String kind, String subject, String detail, Instant createdAt, Instant acknowledgedAt,
		UUID acknowledgedBy) {

	AlertView view() {
		return new AlertView(id.toString(), kind, subject, detail, createdAt.toString(),
				(acknowledgedAt != null) ? acknowledgedAt.toString() : null,
				(acknowledgedBy != null) ? acknowledgedBy.toString() : null);
	}

	record AlertView(String id, String kind, String subject, String detail, String createdAt, String acknowledgedAt,
			String acknowledgedBy) {
	}

}
