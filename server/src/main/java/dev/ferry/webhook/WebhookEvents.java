package dev.ferry.webhook;

import java.util.List;
import java.util.Set;

/** The event types a webhook may subscribe to. */
final class WebhookEvents {

	static final String FILE_UPLOADED = "file.uploaded";

	static final String FILE_SCANNED = "file.scanned";

	static final String TRANSFER_CREATED = "transfer.created";

	static final String TRANSFER_DOWNLOADED = "transfer.downloaded";

	static final String SHARE_EXPIRED = "share.expired";

	static final String UPLOAD_REQUEST_RECEIVED = "upload_request.received";

	/** Admin matters: delivered only to webhooks for all accounts. */
	static final String ALERT_RAISED = "alert.raised";

	static final Set<String> ALL = Set.of(FILE_UPLOADED, FILE_SCANNED, TRANSFER_CREATED, TRANSFER_DOWNLOADED,
			SHARE_EXPIRED, UPLOAD_REQUEST_RECEIVED, ALERT_RAISED);

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
