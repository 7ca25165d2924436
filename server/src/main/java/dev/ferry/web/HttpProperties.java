package dev.ferry.web;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;
import org.springframework.util.unit.DataSize;

/**
 * HTTP-facing settings: TLS from PEM files ({@code FERRY_TLS_CERT},
 * {@code FERRY_TLS_KEY}, checked for renewals every {@code FERRY_TLS_RELOAD_INTERVAL}),
 * the bearer token that guards {@code /metrics} ({@code FERRY_METRICS_TOKEN}; open when
 * unset, allowed only on a loopback bind address), the largest body the API reads into
 * memory ({@code FERRY_MAX_BODY_SIZE}) and the reverse proxies whose forwarding headers
 * count ({@code FERRY_TRUSTED_PROXIES}).
 */
@ConfigurationProperties("ferry.http")
record HttpProperties(String tlsCert, String tlsKey, @DefaultValue("10s") Duration tlsReloadInterval,
		String metricsToken, @DefaultValue("1MB") DataSize maxBodySize, List<String> trustedProxies) {

	HttpProperties {
		if (StringUtils.hasText(tlsCert) != StringUtils.hasText(tlsKey)) {
			throw new IllegalArgumentException("FERRY_TLS_CERT and FERRY_TLS_KEY must be set together");
		}
		trustedProxies = (trustedProxies != null) ? List.copyOf(trustedProxies) : List.of();
	}

	boolean tlsEnabled() {
		return StringUtils.hasText(tlsCert);
	}

	boolean metricsProtected() {
		return StringUtils.hasText(metricsToken);
	}

	TrustedProxies proxies() {
		return TrustedProxies.of(trustedProxies);
	}

}
