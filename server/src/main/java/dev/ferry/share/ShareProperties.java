package dev.ferry.share;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sharing settings. {@code maxDays} bounds how far ahead a transfer, link or upload
 * request may expire (and is the default); wrong passwords and codes, and code requests,
 * are limited per {@code unlockWindow} to {@code unlockAttempts} per link and client
 * address, {@code unlockAttemptsPerIp} per address, {@code unlockAttemptsPerLink} per
 * link (and five times that per day) and {@code unlockAttemptsGlobal} per kind of check
 * across the server. {@code captchaDefault} turns the ALTCHA proof of work on for new
 * links without a password.
 */
@ConfigurationProperties("ferry.share")
public record ShareProperties(@DefaultValue("30") int maxDays, @DefaultValue("1h") Duration sessionTtl,
		@DefaultValue("5") int unlockAttempts, @DefaultValue("15m") Duration unlockWindow,
		@DefaultValue("10m") Duration codeTtl, @DefaultValue("5") int codeAttempts,
		@DefaultValue("1m") Duration sweepInterval, @DefaultValue("100") int unlockAttemptsPerIp,
		@DefaultValue("20") int unlockAttemptsPerLink, @DefaultValue("10000") int unlockAttemptsGlobal,
		@DefaultValue("false") boolean captchaDefault) {

	public Duration maxLifetime() {
		return Duration.ofDays(maxDays);
	}

}
