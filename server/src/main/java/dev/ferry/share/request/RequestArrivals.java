package dev.ferry.share.request;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.Accounts;
import dev.ferry.notify.Mailer;
import dev.ferry.share.UploadRequestReceived;
import dev.ferry.upload.UploadCompleted;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A file that arrived through an upload request: marked received, audited, the owner
 * mailed, and {@link UploadRequestReceived} published for listeners such as webhooks.
 * Runs in the transaction that registered the file.
 */
@Component
class RequestArrivals {

	private final UploadRequestRepository requests;

	private final Accounts accounts;

	private final Mailer mailer;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	RequestArrivals(UploadRequestRepository requests, Accounts accounts, Mailer mailer, AuditLog audit,
			ApplicationEventPublisher events, Clock clock) {
		this.requests = requests;
		this.accounts = accounts;
		this.mailer = mailer;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	@EventListener
	void completed(UploadCompleted event) {
		Optional<UUID> requestId = requests.requestOf(event.uploadId());
		if (requestId.isEmpty() || !requests.markCompleted(event.uploadId(), clock.instant())) {
			return;
		}
		UploadRequest request = requests.find(requestId.get()).orElseThrow();
		Optional<String> email = requests.uploaderEmail(event.uploadId());
		String who = email.orElse("Someone");
		audit.record(AuditEvent.success("upload_request.file_received")
			.object("upload_request", request.id())
			.detail("file", event.fileId())
			.detail("name", event.name())
			.detail("size", event.size())
			.detail("email", who));
		accounts.find(request.ownerId())
			.ifPresent((owner) -> mailer.send(owner.email(), "upload-request-received", Map.of("title", request.title(),
					"name", event.name(), "size", Long.toString(event.size()), "who", who, "folder", event.folder())));
		events.publishEvent(new UploadRequestReceived(request.id(), request.ownerId(), event.fileId(), event.folder(),
				event.name(), event.size(), email.orElse(null)));
	}

}
