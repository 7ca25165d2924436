package dev.ferry.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code FERRY_REDIS_URL}: a Lettuce URI ({@code redis://[:password@]host:port/db}, or
 * {@code rediss://} for TLS). Set, every node counts limits in that Redis; empty, each
 * node counts in its own memory (a single node).
 */
@ConfigurationProperties("ferry.redis")
public record RedisProperties(String url) {

	public boolean enabled() {
		return url != null && !url.isBlank();
	}

}
