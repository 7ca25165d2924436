package dev.ferry.webhook;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Webhook settings. {@code allowPrivate} lets deliveries reach loopback and private
 * addresses (tests, a receiver on the same host); {@code maxAttempts} failed attempts end
 * a delivery and disable its webhook.
 */
@ConfigurationProperties("ferry.webhooks")
record WebhookProperties(@DefaultValue("false") boolean allowPrivate, @DefaultValue("8") int maxAttempts,
		@DefaultValue("30s") Duration retryDelay, @DefaultValue("10s") Duration timeout) {
}
