package dev.ferry.share;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sharing settings. {@code maxDays} bounds how far ahead a transfer, link or upload
 * request may expire (and is the default); wrong passwords are limited to
 * {@code unlockAttempts} per link and IP per {@code unlockWindow}.
 */
@ConfigurationProperties("ferry.share")
record ShareProperties(@DefaultValue("30") int maxDays, @DefaultValue("1h") Duration sessionTtl,
		@DefaultValue("5") int unlockAttempts, @DefaultValue("15m") Duration unlockWindow,
		@DefaultValue("10m") Duration codeTtl, @DefaultValue("5") int codeAttempts,
		@DefaultValue("1m") Duration sweepInterval) {

	Duration maxLifetime() {
		return Duration.ofDays(maxDays);
	}

}
