package dev.ferry.auth.oauth;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.ferry.auth.CurrentUser;
import dev.ferry.auth.Items;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the web UI's consent screen and account page call, as the signed-in user. The
 * consent endpoints take the authorization request's own parameters, checked again here
 * exactly as {@code /oauth2/authorize} checked them.
 */
@Tag(name = "auth")
@RestController
@RequestMapping("/api/v1/oauth")
class OAuthConsentController {

	private final OAuthConsentService consent;

	OAuthConsentController(OAuthConsentService consent) {
		this.consent = consent;
	}

	@Operation(operationId = "describeOAuthConsent",
			summary = "What an authorization request asks: the app and the scopes approving would grant")
	@GetMapping("/consent")
	OAuthConsentService.ConsentQuestion describe(@AuthenticationPrincipal CurrentUser caller,
			@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> params) {
		return consent.describe(caller, params);
	}

	@Operation(operationId = "answerOAuthConsent",
			summary = "Approve or deny an authorization request; answers where to send the browser")
	@PostMapping("/consent")
	OAuthConsentService.ConsentAnswer answer(@AuthenticationPrincipal CurrentUser caller,
			@Valid @RequestBody ConsentRequest body) {
		return consent.decide(caller, body.params(), body.approve());
	}

	@Operation(operationId = "listOAuthAuthorizations", summary = "List the apps the caller has authorized")
	@GetMapping("/authorizations")
	Items<OAuthConsentService.AuthorizedApp> authorizations(@AuthenticationPrincipal CurrentUser caller) {
		return new Items<>(consent.authorized(caller));
	}

	@Operation(operationId = "revokeOAuthAuthorization",
			summary = "Revoke an app's access; its tokens stop working at once")
	@DeleteMapping("/authorizations/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void revoke(@AuthenticationPrincipal CurrentUser caller, @PathVariable UUID id) {
		consent.revoke(caller, id);
	}

	/**
	 * The authorization request's parameters as the browser received them, and the
	 * answer.
	 */
	record ConsentRequest(String responseType, String clientId, String redirectUri, String scope, String state,
			String codeChallenge, String codeChallengeMethod, @NotNull Boolean approve) {

		Map<String, List<String>> params() {
			Map<String, List<String>> params = new LinkedHashMap<>();
			put(params, "response_type", responseType);
			put(params, "client_id", clientId);
			put(params, "redirect_uri", redirectUri);
			put(params, "scope", scope);
			put(params, "state", state);
			put(params, "code_challenge", codeChallenge);
			put(params, "code_challenge_method", codeChallengeMethod);
			return params;
		}

		private static void put(Map<String, List<String>> params, String name, String value) {
			if (value != null) {
				params.put(name, List.of(value));
			}
		}

	}

}
