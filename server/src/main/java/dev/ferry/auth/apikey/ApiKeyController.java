package dev.ferry.auth.apikey;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import dev.ferry.SafeName;
import dev.ferry.StoredTimes;
import dev.ferry.auth.AuthException;
import dev.ferry.auth.CurrentUser;
import dev.ferry.auth.Items;
import dev.ferry.auth.Scope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "auth")
@RestController
@RequestMapping("/api/v1/auth/api-keys")
class ApiKeyController {

	private final ApiKeyService apiKeys;

	ApiKeyController(ApiKeyService apiKeys) {
		this.apiKeys = apiKeys;
	}

	@Operation(operationId = "createApiKey", summary = "Create an API key; the key is only in this response")
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	ApiKeyService.CreatedApiKey create(@AuthenticationPrincipal CurrentUser caller,
			@Valid @RequestBody CreateRequest body) {
		return apiKeys.create(caller, body.name(), Scope.of(body.scopes()), body.expiry());
	}

	@Operation(operationId = "listApiKeys", summary = "List the caller's API keys")
	@GetMapping
	Items<ApiKeyView> list(@AuthenticationPrincipal CurrentUser caller) {
		return new Items<>(apiKeys.list(caller));
	}

	@Operation(operationId = "revokeApiKey", summary = "Revoke an API key")
	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void revoke(@AuthenticationPrincipal CurrentUser caller, @PathVariable UUID id) {
		apiKeys.revoke(caller, id);
	}

	record CreateRequest(@NotBlank @Size(max = 100) @SafeName String name,
			@NotEmpty List<@NotNull @Pattern(regexp = Scope.KEY_PATTERN,
					message = "must be one of read, write, share, admin, scim") String> scopes,
			String expiresAt) {

		Instant expiry() {
			Instant expiry;
			try {
				expiry = (expiresAt != null) ? Instant.parse(expiresAt) : null;
			}
			catch (DateTimeParseException ex) {
				throw AuthException.invalidField("expires_at",
						"must be an ISO-8601 UTC time such as 2030-01-31T00:00:00Z");
			}
			if (expiry != null && !StoredTimes.storable(expiry)) {
				throw AuthException.invalidField("expires_at", "must be " + StoredTimes.SPAN);
			}
			return expiry;
		}

	}

}
