package dev.ferry.webhook;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import dev.ferry.files.FileUploaded;
import dev.ferry.upload.UploadCompleted;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns the events other modules publish into queued deliveries, one per subscribed
 * webhook, in the publisher's transaction. The payload follows Standard Webhooks:
 * {@code {"type", "timestamp", "data"}}.
 */
@Component
class WebhookEventBridge {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final WebhookRepository hooks;

	private final DeliveryRepository deliveries;

	private final Clock clock;

	WebhookEventBridge(WebhookRepository hooks, DeliveryRepository deliveries, Clock clock) {
		this.hooks = hooks;
		this.deliveries = deliveries;
		this.clock = clock;
	}

	@EventListener
	void on(FileUploaded event) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("file_id", event.fileId().toString());
		data.put("owner_id", event.ownerId().toString());
		data.put("path", join(event.folder(), event.name()));
		data.put("size", event.size());
		data.put("sha256", event.sha256());
		data.put("content_type", event.contentType());
		data.put("channel", "plain");
		enqueue(event.ownerId(), WebhookEvents.FILE_UPLOADED, data);
	}

	@EventListener
	void on(UploadCompleted event) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("file_id", event.uploadId().toString());
		data.put("owner_id", event.ownerId().toString());
		data.put("path", join(event.folder(), event.name()));
		data.put("size", event.size());
		data.put("sha256", event.sha256());
		data.put("channel", "tus");
		enqueue(event.ownerId(), WebhookEvents.FILE_UPLOADED, data);
	}

	private void enqueue(UUID ownerId, String type, Map<String, Object> data) {
		Instant now = clock.instant();
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("type", type);
		payload.put("timestamp", now.toString());
		payload.put("data", data);
		String body = JSON.writeValueAsString(payload);
		for (WebhookRepository.Webhook hook : hooks.subscribers(ownerId, type)) {
			deliveries.insert(UUID.randomUUID(), hook.id(), type, body, now);
		}
	}

	private static String join(String folder, String name) {
		return folder.endsWith("/") ? folder + name : folder + "/" + name;
	}

}
