package dev.ferry.auth.mfa;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.ferry.auth.CurrentUser;

/** The admin side of account security: the 2FA policy and resetting a user's 2FA. */
@Tag(name = "auth")
@RestController
@RequestMapping("/api/v1/admin")
class SecurityAdminController {

	private final TwoFactorPolicy policy;

	private final TwoFactorAdmin twoFactor;

	SecurityAdminController(TwoFactorPolicy policy, TwoFactorAdmin twoFactor) {
		this.policy = policy;
		this.twoFactor = twoFactor;
	}

	@Operation(operationId = "getSecurityPolicy", summary = "The two-factor policy")
	@GetMapping("/security-policy")
	TwoFactorPolicy.View policy(@AuthenticationPrincipal CurrentUser caller) {
		return policy.view(caller);
	}

	@Operation(operationId = "updateSecurityPolicy", summary = "Change the two-factor policy")
	@PutMapping("/security-policy")
	TwoFactorPolicy.View updatePolicy(@AuthenticationPrincipal CurrentUser caller,
			@Valid @RequestBody PolicyRequest body) {
		return policy.update(caller, body.require2fa());
	}

	@Operation(operationId = "resetTwoFactor", summary = "Remove an account's second factors")
	@PostMapping("/users/{id}/2fa/reset")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void reset(@AuthenticationPrincipal CurrentUser caller, @PathVariable UUID id) {
		twoFactor.reset(caller, id);
	}

	record PolicyRequest(@JsonProperty("require_2fa") @NotNull @Pattern(regexp = TwoFactorPolicy.PATTERN,
			message = "must be none, all or a comma-separated list of roles (admin, user, guest)") String require2fa) {
	}

}
