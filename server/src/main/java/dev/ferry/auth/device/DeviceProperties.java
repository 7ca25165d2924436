package dev.ferry.auth.device;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Device sign-in settings: how long a user code may be entered ({@code codeTtl}), how
 * often the client may poll ({@code pollInterval}; each {@code slow_down} adds it once
 * more) and how many wrong user codes a signed-in user may enter per 15 minutes
 * ({@code codeAttempts}).
 */
@ConfigurationProperties("ferry.auth.device")
record DeviceProperties(@DefaultValue("10m") Duration codeTtl, @DefaultValue("5s") Duration pollInterval,
		@DefaultValue("10") int codeAttempts) {
}
