package dev.ferry.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import dev.ferry.ProblemException;
import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.AccessPolicy;
import dev.ferry.auth.CurrentUser;
import dev.ferry.auth.Scope;
import dev.ferry.jobs.Jobs;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Managing webhooks: each account its own; {@code all_accounts} webhooks (events of every
 * account) only by admins. Another account's webhook looks like an unknown one (404).
 */
@Service
class WebhookService {

	/**
	 * Deliveries share the background job threads with mail and scans: one account's
	 * hundreds of webhooks to a slow endpoint would hold them all for hours.
	 */
	static final int MAX_PER_ACCOUNT = 25;

	private static final int LOG_LIMIT = 100;

	/** How long the previous secret still signs after a rotation. */
	static final Duration OVERLAP = Duration.ofHours(24);

	private final WebhookRepository hooks;

	private final DeliveryRepository deliveries;

	private final AccessPolicy access;

	private final AuditLog audit;

	private final Jobs jobs;

	private final Clock clock;

	WebhookService(WebhookRepository hooks, DeliveryRepository deliveries, AccessPolicy access, AuditLog audit,
			Jobs jobs, Clock clock) {
		this.jobs = jobs;
		this.hooks = hooks;
		this.deliveries = deliveries;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
	}

	WebhookView create(CurrentUser caller, String url, List<String> events, boolean allAccounts) {
		access.requireScope(caller, Scope.WRITE, "webhook.created");
		if (allAccounts) {
			access.requireAdmin(caller, "webhook.created");
		}
		if (hooks.forOwner(caller.userId()).size() >= MAX_PER_ACCOUNT) {
			throw refused("webhook.created", "too_many",
					"An account may have at most " + MAX_PER_ACCOUNT + " webhooks; delete one first.");
		}
		Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
		WebhookRepository.Webhook hook = new WebhookRepository.Webhook(UUID.randomUUID(), caller.userId(), allAccounts,
				checkUrl(url, "webhook.created"), checkEvents(events, "webhook.created"), true, 0, now, now);
		byte[] key = WebhookSigner.newKey();
		hooks.insert(hook, key);
		audit.record(AuditEvent.success("webhook.created")
			.object("webhook", hook.id())
			.detail("url", hook.url())
			.detail("events", String.join(",", hook.events()))
			.detail("all_accounts", allAccounts));
		return WebhookView.of(hook, WebhookSigner.secret(key));
	}

	List<WebhookView> list(CurrentUser caller) {
		access.requireScope(caller, Scope.READ, "webhook.listed");
		return hooks.forOwner(caller.userId()).stream().map((hook) -> WebhookView.of(hook, null)).toList();
	}

	WebhookView update(CurrentUser caller, UUID id, String url, List<String> events, Boolean enabled) {
		WebhookRepository.Webhook hook = owned(caller, id, Scope.WRITE, "webhook.updated");
		WebhookRepository.Webhook changed = new WebhookRepository.Webhook(hook.id(), hook.ownerId(), hook.allAccounts(),
				(url != null) ? checkUrl(url, "webhook.updated") : hook.url(),
				(events != null) ? checkEvents(events, "webhook.updated") : hook.events(),
				(enabled != null) ? enabled : hook.enabled(), Boolean.TRUE.equals(enabled) ? 0 : hook.failures(),
				hook.createdAt(), clock.instant().truncatedTo(ChronoUnit.MILLIS));
		hooks.update(changed, enabled != null);
		audit.record(AuditEvent.success("webhook.updated")
			.object("webhook", id)
			.detail("url", changed.url())
			.detail("events", String.join(",", changed.events()))
			.detail("enabled", changed.enabled()));
		return WebhookView.of(changed, null);
	}

	/** A new secret (shown once); the old one keeps signing for {@link #OVERLAP}. */
	WebhookView rotate(CurrentUser caller, UUID id) {
		WebhookRepository.Webhook hook = owned(caller, id, Scope.WRITE, "webhook.secret_rotated");
		byte[] key = WebhookSigner.newKey();
		Instant now = clock.instant();
		hooks.rotate(id, key, now.plus(OVERLAP), now);
		audit.record(AuditEvent.success("webhook.secret_rotated").object("webhook", id));
		return WebhookView.of(hook, WebhookSigner.secret(key));
	}

	void delete(CurrentUser caller, UUID id) {
		owned(caller, id, Scope.WRITE, "webhook.deleted");
		hooks.delete(id);
		audit.record(AuditEvent.success("webhook.deleted").object("webhook", id));
	}

	List<DeliveryView> deliveries(CurrentUser caller, UUID id) {
		owned(caller, id, Scope.READ, "webhook.deliveries");
		return deliveries.forWebhook(id, LOG_LIMIT).stream().map(DeliveryView::of).toList();
	}

	/** The delivery made pending, its job and its record commit together, or none. */
	@Transactional(noRollbackFor = ProblemException.class)
	void replay(CurrentUser caller, UUID id, UUID deliveryId) {
		owned(caller, id, Scope.WRITE, "webhook.replayed");
		DeliveryRepository.Delivery delivery = deliveries.find(deliveryId)
			.filter((found) -> found.webhookId().equals(id))
			.orElseThrow(() -> {
				audit.record(AuditEvent.failure("webhook.replayed")
					.object("webhook", id)
					.detail("delivery", deliveryId)
					.detail("reason", "not_found"));
				return WebhookException.notFound();
			});
		// A job of its own: the delivery's first job may not be gone yet (its attempt
		// just finished), and queuing under its id would be a no-op that never sends.
		String job = DeliveryWorker.replayJobId(delivery.id());
		// A pending delivery has a job that will try it again anyway (and would overwrite
		// the replay's fresh start with its own give-up): a replay is for a finished one,
		// and of two at once only one wins.
		if (!deliveries.replay(delivery.id(), job, clock.instant())) {
			audit.record(AuditEvent.failure("webhook.replayed")
				.object("webhook", id)
				.detail("delivery", deliveryId)
				.detail("reason", "still_pending"));
			throw WebhookException.stillPending();
		}
		jobs.enqueue(DeliveryJob.NAME, job);
		audit.record(AuditEvent.success("webhook.replayed").object("webhook", id).detail("delivery", deliveryId));
	}

	private WebhookRepository.Webhook owned(CurrentUser caller, UUID id, Scope scope, String action) {
		access.requireScope(caller, scope, action);
		return hooks.find(id).filter((hook) -> hook.ownerId().equals(caller.userId())).orElseThrow(() -> {
			audit.record(AuditEvent.failure(action).object("webhook", id).detail("reason", "not_found"));
			return WebhookException.notFound();
		});
	}

	private String checkUrl(String url, String action) {
		try {
			URI uri = new URI(url);
			String scheme = uri.getScheme();
			if (!("https".equals(scheme) || "http".equals(scheme)) || uri.getHost() == null
					|| uri.getUserInfo() != null) {
				throw refused(action, "invalid_url", "url must be an http(s) URL with a host and no user name.");
			}
			if (uri.getPort() == 0 || uri.getPort() > 65535) {
				throw refused(action, "invalid_url", "url's port must be between 1 and 65535.");
			}
			return uri.toString();
		}
		catch (URISyntaxException ex) {
			throw refused(action, "invalid_url", "url is not a valid URL.");
		}
	}

	private List<String> checkEvents(List<String> events, String action) {
		List<String> unknown = events.stream().filter((event) -> !WebhookEvents.ALL.contains(event)).toList();
		if (events.isEmpty() || !unknown.isEmpty()) {
			throw refused(action, "invalid_events", "events must be a non-empty list of: "
					+ String.join(", ", new java.util.TreeSet<>(WebhookEvents.ALL)) + ".");
		}
		return events.stream().distinct().toList();
	}

	private WebhookException refused(String action, String reason, String detail) {
		audit.record(AuditEvent.failure(action).detail("reason", reason));
		return WebhookException.invalid(detail);
	}

}
