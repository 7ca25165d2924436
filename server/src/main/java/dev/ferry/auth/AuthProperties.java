package dev.ferry.auth;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Account and sign-in settings. {@code loginAttempts} is per (client IP, email) and
 * {@code loginAttemptsPerIp} per client IP, both refilled evenly over
 * {@code loginWindow}; only failed attempts count.
 */
@ConfigurationProperties("ferry.auth")
record AuthProperties(@DefaultValue("10") int loginAttempts, @DefaultValue("100") int loginAttemptsPerIp,
		@DefaultValue("15m") Duration loginWindow, @DefaultValue("7d") Duration invitationTtl) {
}
