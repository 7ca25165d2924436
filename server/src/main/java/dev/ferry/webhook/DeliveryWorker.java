package dev.ferry.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import dev.ferry.audit.AuditActor;
import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;

import org.springframework.stereotype.Component;

/**
 * Sends due deliveries: each is claimed first, so two nodes never send the same one at
 * once. A failure is retried after {@code retryDelay}, doubled per attempt (at most a day
 * apart), until {@code maxAttempts}; a delivery that gives up counts against its webhook,
 * which is disabled (audited, and its owner told by mail) after {@code maxAttempts} such
 * deliveries in a row. What triggers {@link #runDue} is {@link DeliveryScheduler}, so it
 * can move to a cluster-wide scheduler.
 */
@Component
class DeliveryWorker {

	private static final int BATCH = 50;

	private static final Duration CLAIM = Duration.ofMinutes(5);

	private static final Duration MAX_DELAY = Duration.ofDays(1);

	private final DeliveryRepository deliveries;

	private final WebhookRepository hooks;

	private final WebhookSender sender;

	private final WebhookProperties properties;

	private final AuditLog audit;

	private final WebhookNotice notice;

	private final Clock clock;

	DeliveryWorker(DeliveryRepository deliveries, WebhookRepository hooks, WebhookSender sender,
			WebhookProperties properties, AuditLog audit, WebhookNotice notice, Clock clock) {
		this.notice = notice;
		this.deliveries = deliveries;
		this.hooks = hooks;
		this.sender = sender;
		this.properties = properties;
		this.audit = audit;
		this.clock = clock;
	}

	void runDue() {
		Instant now = clock.instant();
		for (UUID id : deliveries.due(now, BATCH)) {
			if (deliveries.claim(id, now, now.plus(CLAIM))) {
				deliveries.find(id).ifPresent(this::deliver);
			}
		}
	}

	private void deliver(DeliveryRepository.Delivery delivery) {
		WebhookRepository.Webhook hook = hooks.find(delivery.webhookId()).orElse(null);
		if (hook == null) {
			return;
		}
		WebhookSender.Result result = sender.send(hook.url(), delivery.id().toString(), clock.instant(),
				delivery.payload(), hooks.keys(hook.id(), clock.instant()));
		if (result.delivered()) {
			deliveries.delivered(delivery.id(), result.code(), clock.instant());
			hooks.succeeded(hook.id());
			return;
		}
		int attempt = delivery.attempts() + 1;
		boolean giveUp = attempt >= properties.maxAttempts();
		deliveries.failed(delivery.id(), result.code(), result.error(), giveUp, clock.instant().plus(backoff(attempt)));
		if (giveUp) {
			hooks.failed(hook.id(), properties.maxAttempts(), clock.instant());
			boolean disabled = hooks.find(hook.id()).map((found) -> !found.enabled()).orElse(false);
			boolean told = disabled && notice.disabled(hook, result.error());
			audit.record(AuditEvent.failure("webhook.delivery")
				.by(AuditActor.system())
				.object("webhook", hook.id())
				.detail("delivery", delivery.id())
				.detail("error", result.error())
				.detail("webhook_disabled", disabled)
				.detail("owner_notified", told));
		}
	}

	private Duration backoff(int attempt) {
		Duration delay = properties.retryDelay().multipliedBy(1L << Math.min(attempt - 1, 20));
		return (delay.compareTo(MAX_DELAY) > 0) ? MAX_DELAY : delay;
	}

}
