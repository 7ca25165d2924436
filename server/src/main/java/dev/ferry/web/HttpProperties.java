package dev.ferry.web;

import java.time.Duration;
import java.util.List;

import dev.ferry.RefusedSettingException;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;
import org.springframework.util.unit.DataSize;

/**
 * HTTP-facing settings: TLS from PEM files ({@code FERRY_TLS_CERT},
 * {@code FERRY_TLS_KEY}, checked for renewals every {@code FERRY_TLS_RELOAD_INTERVAL}),
 * the bearer token that guards {@code /metrics} ({@code FERRY_METRICS_TOKEN}; open when
 * unset, allowed only on a loopback bind address), the largest body the API reads into
 * memory ({@code FERRY_MAX_BODY_SIZE}), the reverse proxies whose forwarding headers
 * count ({@code FERRY_TRUSTED_PROXIES}) and which header that is
 * ({@code FERRY_FORWARDED_HEADER}).
 */
@ConfigurationProperties("ferry.http")
record HttpProperties(String tlsCert, String tlsKey, @DefaultValue("10s") Duration tlsReloadInterval,
		String metricsToken, @DefaultValue("1MB") DataSize maxBodySize, List<String> trustedProxies,
		@DefaultValue("x-forwarded-for") String forwardedHeader) {

	HttpProperties {
		if (!"x-forwarded-for".equalsIgnoreCase(forwardedHeader) && !"forwarded".equalsIgnoreCase(forwardedHeader)) {
			throw new RefusedSettingException(
					"FERRY_FORWARDED_HEADER: '" + forwardedHeader + "' is no header Ferry reads.",
					"Set x-forwarded-for (the default, what nginx and HAProxy append to) or forwarded (RFC 7239, "
							+ "when the proxy replaces the client's own Forwarded header).");
		}
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

	/**
	 * Whether the client comes from RFC 7239 {@code Forwarded} instead of
	 * X-Forwarded-For.
	 */
	boolean rfc7239() {
		return "forwarded".equalsIgnoreCase(forwardedHeader);
	}

	TrustedProxies proxies() {
		return TrustedProxies.of(trustedProxies);
	}

}
