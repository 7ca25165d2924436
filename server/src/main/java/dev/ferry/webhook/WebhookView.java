package dev.ferry.webhook;

import java.time.Instant;
import java.util.List;

/** A webhook as the API shows it; {@code secret} only in the answer that created it. */
record WebhookView(String id, String url, List<String> events, boolean allAccounts, boolean enabled, int failures,
		Instant createdAt, Instant updatedAt, String secret) {

	static WebhookView of(WebhookRepository.Webhook hook, String secret) {
		return new WebhookView(hook.id().toString(), hook.url(), hook.events(), hook.allAccounts(), hook.enabled(),
				hook.failures(), hook.createdAt(), hook.updatedAt(), secret);
	}

}
