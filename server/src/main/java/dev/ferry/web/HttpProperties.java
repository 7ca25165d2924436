package dev.ferry.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;
import org.springframework.util.unit.DataSize;

/**
 * HTTP-facing settings: TLS from PEM files ({@code FERRY_TLS_CERT},
 * {@code FERRY_TLS_KEY}), the bearer token that guards {@code /metrics}
 * ({@code FERRY_METRICS_TOKEN}, open when unset) and the largest body the API reads into
 * memory ({@code FERRY_MAX_BODY_SIZE}).
 */
@ConfigurationProperties("ferry.http")
record HttpProperties(String tlsCert, String tlsKey, String metricsToken, @DefaultValue("1MB") DataSize maxBodySize) {

	HttpProperties {
		if (StringUtils.hasText(tlsCert) != StringUtils.hasText(tlsKey)) {
			throw new IllegalArgumentException("FERRY_TLS_CERT and FERRY_TLS_KEY must be set together");
		}
	}

	boolean tlsEnabled() {
		return StringUtils.hasText(tlsCert);
	}

	boolean metricsProtected() {
		return StringUtils.hasText(metricsToken);
	}

}
