package dev.ferry.auth.apikey;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.ferry.auth.Scope;

/**
 * An API key as listed: its prefix identifies it; the key itself is never shown again.
 */
record ApiKeyView(String id, String name, String prefix, List<String> scopes, Instant createdAt,
		@JsonInclude(JsonInclude.Include.ALWAYS) Instant expiresAt,
		@JsonInclude(JsonInclude.Include.ALWAYS) Instant lastUsedAt) {

	static ApiKeyView of(ApiKeyRepository.ApiKey key) {
		return new ApiKeyView(key.id().toString(), key.name(), key.prefix(), Scope.apiNames(key.scopes()),
				key.createdAt(), key.expiresAt(), key.lastUsedAt());
	}

}
