package dev.ferry.auth.mfa;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.ferry.auth.AuthException;
import dev.ferry.auth.ClientInfo;
import dev.ferry.auth.CurrentUser;
import dev.ferry.auth.User;
import dev.ferry.auth.UserRepository;
import dev.ferry.auth.password.PasswordPolicy;

/**
 * The caller's TOTP second factor: enroll ({@code enable}, then {@code verify} with a
 * first code, which answers the recovery codes), new recovery codes, and turning it off.
 */
@Tag(name = "auth")
@RestController
@RequestMapping("/api/v1/auth/2fa")
class TwoFactorController {

	private final TwoFactorStatus status;

	private final TwoFactorService twoFactor;

	private final TotpEnrollment enrollment;

	private final UserRepository users;

	TwoFactorController(TwoFactorStatus status, TwoFactorService twoFactor, TotpEnrollment enrollment,
			UserRepository users) {
		this.status = status;
		this.twoFactor = twoFactor;
		this.enrollment = enrollment;
		this.users = users;
	}

	@Operation(operationId = "getTwoFactorStatus", summary = "The caller's two-factor state")
	@GetMapping
	TwoFactorService.Status status(@AuthenticationPrincipal CurrentUser caller) {
		return this.status.of(caller);
	}

	@Operation(operationId = "startTwoFactorEnrollment", summary = "Start TOTP enrollment")
	@PostMapping("/enable")
	TwoFactorService.Enrollment enable(@AuthenticationPrincipal CurrentUser caller) {
		return enrollment.enable(caller);
	}

	@Operation(operationId = "confirmTwoFactorEnrollment", summary = "Confirm TOTP enrollment with a code")
	@PostMapping("/verify")
	TwoFactorService.RecoveryCodes verify(@AuthenticationPrincipal CurrentUser caller,
			@Valid @RequestBody CodeRequest body, HttpServletRequest request) {
		return enrollment.verify(caller, body.code(), ClientInfo.of(request));
	}

	@Operation(operationId = "regenerateRecoveryCodes", summary = "Replace the recovery codes")
	@PostMapping("/recovery-codes")
	TwoFactorService.RecoveryCodes recoveryCodes(@AuthenticationPrincipal CurrentUser caller,
			@Valid @RequestBody CodeRequest body, HttpServletRequest request) {
		return enrollment.regenerateRecoveryCodes(caller, body.code(), ClientInfo.of(request));
	}

	@Operation(operationId = "disableTwoFactor", summary = "Turn two-factor sign-in off")
	@PostMapping("/disable")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void disable(@AuthenticationPrincipal CurrentUser caller, @Valid @RequestBody DisableRequest body,
			HttpServletRequest request) {
		User user = users.findById(caller.userId()).orElseThrow(AuthException::unauthenticated);
		twoFactor.disable(caller, user, body.password(), body.code(), ClientInfo.of(request));
	}

	record CodeRequest(@NotBlank @Size(max = 64) String code) {
	}

	record DisableRequest(@NotBlank @Size(max = PasswordPolicy.MAX_LENGTH) String password,
			@NotBlank @Size(max = 64) String code) {
	}

}
