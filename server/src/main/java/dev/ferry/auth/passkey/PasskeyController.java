package dev.ferry.auth.passkey;

import java.util.Map;
import java.util.UUID;

import dev.ferry.SafeName;
import dev.ferry.auth.ClientInfo;
import dev.ferry.auth.CurrentUser;
import dev.ferry.auth.Items;
import dev.ferry.auth.session.Devices;
import dev.ferry.auth.session.MfaLoginService;
import dev.ferry.auth.session.RefreshCookies;
import dev.ferry.auth.session.TokenResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.JsonNode;

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

/**
 * Passkeys: registering and naming them, listing and removing them, and signing in with
 * one, password-less or as the second factor of an {@code mfa_token}. Options are the
 * WebAuthn JSON objects browsers parse as they are (camelCase, as the WebAuthn
 * specification defines them); {@code credential} is what {@code credential.toJSON()}
 * gives.
 */
@Tag(name = "auth")
@RestController
@RequestMapping("/api/v1/auth/passkeys")
class PasskeyController {

	private final PasskeyService passkeys;

	private final PasskeyLogin login;

	private final PasskeyList list;

	private final RefreshCookies cookies;

	PasskeyController(PasskeyService passkeys, PasskeyLogin login, PasskeyList list, RefreshCookies cookies) {
		this.passkeys = passkeys;
		this.login = login;
		this.list = list;
		this.cookies = cookies;
	}

	@Operation(operationId = "createPasskeyRegistrationOptions", summary = "WebAuthn options to register a passkey")
	@PostMapping("/registration/options")
	Map<String, Object> registrationOptions(@AuthenticationPrincipal CurrentUser caller) {
		return passkeys.registrationOptions(caller);
	}

	@Operation(operationId = "registerPasskey", summary = "Register a passkey")
	@PostMapping("/registration")
	@ResponseStatus(HttpStatus.CREATED)
	PasskeyService.PasskeyView register(@AuthenticationPrincipal CurrentUser caller,
			@Valid @RequestBody RegistrationRequest body) {
		return login.register(caller, body.credential().toString(), body.name());
	}

	@Operation(operationId = "listPasskeys", summary = "List the caller's passkeys")
	@GetMapping
	Items<PasskeyService.PasskeyView> list(@AuthenticationPrincipal CurrentUser caller) {
		return new Items<>(list.list(caller));
	}

	@Operation(operationId = "deletePasskey", summary = "Delete a passkey")
	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@AuthenticationPrincipal CurrentUser caller, @PathVariable UUID id) {
		list.delete(caller, id);
	}

	/**
	 * With an {@code mfa_token}, options for that account's passkeys as second factor.
	 */
	@Operation(operationId = "createPasskeySignInOptions", summary = "WebAuthn options to sign in with a passkey")
	@PostMapping("/login/options")
	Map<String, Object> loginOptions(@Valid @RequestBody(required = false) OptionsRequest body,
			HttpServletRequest request) {
		return login.options((body != null) ? body.mfaToken() : null, ClientInfo.of(request).ip());
	}

	@Operation(operationId = "signInWithPasskey", summary = "Sign in with a passkey")
	@PostMapping("/login")
	TokenResponse login(@Valid @RequestBody LoginRequest body, HttpServletRequest request,
			HttpServletResponse response) {
		ClientInfo client = Devices.identify(ClientInfo.of(request), response);
		MfaLoginService.Finished finished = login.signIn(body.credential().toString(), body.mfaToken(), client,
				Boolean.TRUE.equals(body.useCookie()));
		return finished.useCookie() ? cookies.deliver(finished.tokens(), null, response) : finished.tokens();
	}

	record RegistrationRequest(@NotNull JsonNode credential, @NotBlank @Size(max = 100) @SafeName String name) {
	}

	record OptionsRequest(@Size(max = 100) String mfaToken) {
	}

	record LoginRequest(@NotNull JsonNode credential, @Size(max = 100) String mfaToken, Boolean useCookie) {
	}

}
