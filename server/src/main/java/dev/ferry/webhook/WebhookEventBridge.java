package dev.ferry.webhook;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import dev.ferry.files.FileScanned;
import dev.ferry.files.FileUploaded;
import dev.ferry.jobs.Jobs;
import dev.ferry.protect.AlertRaised;
import dev.ferry.share.ShareExpired;
import dev.ferry.share.TransferCreated;
import dev.ferry.share.TransferDownloaded;
import dev.ferry.share.UploadRequestReceived;
import dev.ferry.upload.UploadCompleted;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns the events other modules publish into queued deliveries, one per subscribed
 * webhook, each with its job, in the publisher's transaction. The payload follows
 * Standard Webhooks: {@code {"type", "timestamp", "data"}}.
 */
@Component
class WebhookEventBridge {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final WebhookRepository hooks;

	private final DeliveryRepository deliveries;

	private final Jobs jobs;

	private final Clock clock;

	private final WebhookOwners owners;

	WebhookEventBridge(WebhookRepository hooks, DeliveryRepository deliveries, Jobs jobs, Clock clock,
			WebhookOwners owners) {
		this.hooks = hooks;
		this.deliveries = deliveries;
		this.jobs = jobs;
		this.clock = clock;
		this.owners = owners;
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
		data.put("channel", event.channel());
		enqueue(event.ownerId(), WebhookEvents.FILE_UPLOADED, data);
	}

	@EventListener
	void on(UploadCompleted event) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("file_id", event.fileId().toString());
		data.put("owner_id", event.ownerId().toString());
		data.put("path", join(event.folder(), event.name()));
		data.put("size", event.size());
		data.put("sha256", event.sha256());
		data.put("channel", "tus");
		enqueue(event.ownerId(), WebhookEvents.FILE_UPLOADED, data);
	}

	@EventListener
	void on(FileScanned event) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("file_id", event.fileId().toString());
		data.put("owner_id", event.ownerId().toString());
		data.put("path", event.path());
		data.put("scan_status", event.status());
		data.put("signature", event.signature());
		enqueue(event.ownerId(), WebhookEvents.FILE_SCANNED, data);
	}

	@EventListener
	void on(TransferCreated event) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("transfer_id", event.transferId().toString());
		data.put("owner_id", event.ownerId().toString());
		data.put("title", event.title());
		data.put("files", event.files());
		data.put("recipients", event.recipients());
		data.put("expires_at", event.expiresAt().toString());
		data.put("e2e", event.e2e());
		enqueue(event.ownerId(), WebhookEvents.TRANSFER_CREATED, data);
	}

	@EventListener
	void on(TransferDownloaded event) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("transfer_id", event.transferId().toString());
		data.put("owner_id", event.ownerId().toString());
		data.put("link_id", event.linkId().toString());
		data.put("file_id", (event.fileId() != null) ? event.fileId().toString() : null);
		data.put("kind", (event.fileId() != null) ? "file" : "zip");
		data.put("email", event.email());
		data.put("bytes", event.bytes());
		enqueue(event.ownerId(), WebhookEvents.TRANSFER_DOWNLOADED, data);
	}

	@EventListener
	void on(ShareExpired event) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("transfer_id", event.transferId().toString());
		data.put("owner_id", event.ownerId().toString());
		data.put("title", event.title());
		data.put("expired_at", event.expiresAt().toString());
		data.put("unopened", event.unopened());
		enqueue(event.ownerId(), WebhookEvents.SHARE_EXPIRED, data);
	}

	@EventListener
	void on(UploadRequestReceived event) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("upload_request_id", event.requestId().toString());
		data.put("owner_id", event.ownerId().toString());
		data.put("file_id", event.fileId().toString());
		data.put("path", join(event.folder(), event.name()));
		data.put("size", event.size());
		data.put("uploader_email", event.uploaderEmail());
		enqueue(event.ownerId(), WebhookEvents.UPLOAD_REQUEST_RECEIVED, data);
	}

	@EventListener
	void on(AlertRaised event) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("alert_id", event.id());
		data.put("kind", event.kind());
		data.put("subject", event.subject());
		data.put("detail", event.detail());
		enqueue(null, WebhookEvents.ALERT_RAISED, data);
	}

	private void enqueue(UUID ownerId, String type, Map<String, Object> data) {
		Instant now = clock.instant();
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("type", type);
		payload.put("timestamp", now.toString());
		payload.put("data", data);
		String body = JSON.writeValueAsString(payload);
		for (WebhookRepository.Webhook hook : hooks.subscribers(ownerId, type)) {
			if (!owners.mayReceive(hook)) {
				continue;
			}
			UUID id = UUID.randomUUID();
			deliveries.insert(id, hook.id(), type, body, now);
			jobs.enqueue(DeliveryJob.NAME, id.toString());
		}
	}

	private static String join(String folder, String name) {
		return folder.endsWith("/") ? folder + name : folder + "/" + name;
	}

}
