package dev.ferry.gdpr;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code exportValidity}: how long a mailed export link works before the ZIP is
 * destroyed; {@code interval}: how often the worker looks for requests.
 */
@ConfigurationProperties("ferry.gdpr")
record GdprProperties(@DefaultValue("7d") Duration exportValidity, @DefaultValue("2s") Duration interval) {

	GdprProperties {
		if (exportValidity.isNegative() || exportValidity.isZero()) {
			throw new IllegalArgumentException("FERRY_GDPR_EXPORT_VALIDITY must be positive");
		}
	}

}
