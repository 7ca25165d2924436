package dev.ferry.webhook;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import dev.ferry.audit.AuditActor;
import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;

import org.springframework.stereotype.Component;

/**
 * Sends one delivery as an execution of the {@code webhook-deliveries} job, which one
 * node of the cluster claims. A failed attempt is logged on the delivery and thrown, so
 * the job tries again with backoff ({@link DeliveryJob}); when it gives up the delivery
 * is failed and counts against its webhook, which is disabled (audited, and its owner
 * told by mail) after {@code maxAttempts} such deliveries in a row.
 */
@Component
class DeliveryWorker {

	private final DeliveryRepository deliveries;

	private final WebhookRepository hooks;

	private final WebhookSender sender;

	private final WebhookProperties properties;

	private final AuditLog audit;

	private final WebhookOwners owners;

	private final Clock clock;

	DeliveryWorker(DeliveryRepository deliveries, WebhookRepository hooks, WebhookSender sender,
			WebhookProperties properties, AuditLog audit, WebhookOwners owners, Clock clock) {
		this.owners = owners;
		this.deliveries = deliveries;
		this.hooks = hooks;
		this.sender = sender;
		this.properties = properties;
		this.audit = audit;
		this.clock = clock;
	}

	static final String DISABLED = "webhook disabled";

	static final String OWNER_MAY_NOT_RECEIVE = "owner may not receive these events";

	private static final String REPLAY = "/replay-";

	void deliver(String id) {
		DeliveryRepository.Delivery delivery = pending(id).orElse(null);
		WebhookRepository.Webhook hook = (delivery != null) ? hooks.find(delivery.webhookId()).orElse(null) : null;
		if (hook == null) {
			return;
		}
		// Disabled after this was queued (by its owner, or for failing), or an owner
		// since suspended or no longer an administrator: nothing goes out, whether the
		// delivery was queued, is a retry or a replay, so it ends here.
		String refusal = !hook.enabled() ? DISABLED : !owners.mayReceive(hook) ? OWNER_MAY_NOT_RECEIVE : null;
		if (refusal != null) {
			deliveries.attemptFailed(delivery.id(), null, refusal);
			deliveries.gaveUp(delivery.id());
			audit.record(AuditEvent.failure("webhook.delivery")
				.by(AuditActor.system())
				.object("webhook", hook.id())
				.detail("delivery", delivery.id())
				.detail("error", refusal));
			return;
		}
		WebhookSender.Result result = sender.send(hook.url(), delivery.id().toString(), clock.instant(),
				delivery.payload(), hooks.keys(hook.id(), clock.instant()));
		if (result.delivered()) {
			deliveries.delivered(delivery.id(), result.code(), clock.instant());
			hooks.succeeded(hook.id());
			return;
		}
		deliveries.attemptFailed(delivery.id(), result.code(), result.error());
		throw new NotDelivered(delivery.id(), result.error());
	}

	void giveUp(String id) {
		DeliveryRepository.Delivery delivery = pending(id).orElse(null);
		if (delivery == null || !deliveries.gaveUp(delivery.id())) {
			return;
		}
		WebhookRepository.Webhook hook = hooks.find(delivery.webhookId()).orElse(null);
		if (hook == null) {
			return;
		}
		boolean disabled = hooks.failed(hook.id(), properties.maxAttempts(), clock.instant());
		boolean told = disabled && owners.tellDisabled(hook, delivery.lastError());
		audit.record(AuditEvent.failure("webhook.delivery")
			.by(AuditActor.system())
			.object("webhook", hook.id())
			.detail("delivery", delivery.id())
			.detail("error", delivery.lastError())
			.detail("webhook_disabled", disabled)
			.detail("owner_notified", told));
	}

	/**
	 * A replay's job id: the delivery's, and what makes it another job than the first.
	 */
	static String replayJobId(UUID deliveryId) {
		return deliveryId + REPLAY + UUID.randomUUID();
	}

	/**
	 * The delivery behind a job id (a delivery's id, or a replay's) while it is pending;
	 * other ids have nothing to send.
	 */
	private Optional<DeliveryRepository.Delivery> pending(String id) {
		int replay = id.indexOf(REPLAY);
		try {
			return deliveries.find(UUID.fromString((replay < 0) ? id : id.substring(0, replay)))
				.filter((delivery) -> DeliveryRepository.PENDING.equals(delivery.status()))
				.filter((delivery) -> delivery.ownedBy(id));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	/** A failed attempt, for the job to retry; its message names no secret. */
	static final class NotDelivered extends RuntimeException {

		NotDelivered(UUID id, String error) {
			super("Webhook delivery " + id + " failed: " + error, null, false, false);
		}

	}

}
