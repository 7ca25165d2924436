package dev.ferry.auth.oauth;

import java.util.List;
import java.util.UUID;

import dev.ferry.SafeName;
import dev.ferry.auth.CurrentUser;
import dev.ferry.auth.Items;
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
@RequestMapping("/api/v1/oauth/apps")
class OAuthAppController {

	private final OAuthAppService apps;

	OAuthAppController(OAuthAppService apps) {
		this.apps = apps;
	}

	@Operation(operationId = "registerOAuthApp",
			summary = "Register a third-party app; a confidential app's client_secret is only in this response")
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	OAuthAppService.RegisteredApp register(@AuthenticationPrincipal CurrentUser caller,
			@Valid @RequestBody AppRegistration body) {
		return apps.register(caller, body.name(), body.redirectUris(), "confidential".equals(body.clientType()));
	}

	@Operation(operationId = "listOAuthApps", summary = "List the apps the caller registered")
	@GetMapping
	Items<OAuthAppService.AppView> list(@AuthenticationPrincipal CurrentUser caller) {
		return new Items<>(apps.listOwn(caller));
	}

	@Operation(operationId = "listAllOAuthApps", summary = "List every registered app (administrators)")
	@GetMapping("/all")
	Items<OAuthAppService.AppView> listAll(@AuthenticationPrincipal CurrentUser caller) {
		return new Items<>(apps.listAll(caller));
	}

	@Operation(operationId = "deleteOAuthApp",
			summary = "Delete an app (its owner or an administrator); its tokens stop working at once")
	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@AuthenticationPrincipal CurrentUser caller, @PathVariable UUID id) {
		apps.delete(caller, id);
	}

	record AppRegistration(@NotBlank @Size(max = 100) @SafeName String name,
			@NotEmpty @Size(max = RedirectUris.MAX_COUNT) List<@NotBlank String> redirectUris,
			@NotNull @Pattern(regexp = "public|confidential",
					message = "must be public or confidential") String clientType) {
	}

}
