package dev.ferry.webhook;

import java.util.List;
import java.util.Set;

/** The event types a webhook may subscribe to. */
final class WebhookEvents {

	static final String FILE_UPLOADED = "file.uploaded";

	static final Set<String> ALL = Set.of(FILE_UPLOADED, "file.scanned", "transfer.created", "transfer.downloaded",
			"share.expired", "upload_request.received", "alert.raised");

	private WebhookEvents() {
	}

	/** The stored form: {@code ,a,b,} so one LIKE finds a type. */
	static String encode(List<String> events) {
		return "," + String.join(",", events) + ",";
	}

	static List<String> decode(String stored) {
		return List.of(stored.substring(1, stored.length() - 1).split(","));
	}

}
