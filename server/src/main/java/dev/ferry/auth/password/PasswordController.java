package dev.ferry.auth.password;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.ferry.auth.ClientInfo;
import dev.ferry.auth.CurrentUser;

@Tag(name = "auth")
@RestController
@RequestMapping("/api/v1/auth")
class PasswordController {

	private final PasswordService passwords;

	private final ResetRequests resetRequests;

	private final PasswordResets resets;

	PasswordController(PasswordService passwords, ResetRequests resetRequests, PasswordResets resets) {
		this.resetRequests = resetRequests;
		this.resets = resets;
		this.passwords = passwords;
	}

	/** Changes the caller's password and signs out their other sessions. */
	@Operation(operationId = "changePassword", summary = "Change the caller's password")
	@PostMapping("/password")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void change(@AuthenticationPrincipal CurrentUser caller, @Valid @RequestBody ChangeRequest body,
			HttpServletRequest request) {
		passwords.change(caller, body.currentPassword(), body.newPassword(), ClientInfo.of(request));
	}

	/** Mails a reset link if the address has an account; the answer never says. */
	@Operation(operationId = "requestPasswordReset", summary = "Mail a password-reset link")
	@PostMapping("/password-reset")
	@ResponseStatus(HttpStatus.ACCEPTED)
	void requestReset(@Valid @RequestBody ResetRequest body, HttpServletRequest request) {
		resetRequests.requestReset(body.email(), ClientInfo.of(request).ip());
	}

	/** Sets a new password with a reset link's token and signs out every session. */
	@Operation(operationId = "resetPassword", summary = "Set a new password with a reset token")
	@PostMapping("/password-reset/confirm")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void confirmReset(@Valid @RequestBody ConfirmRequest body) {
		resets.confirm(body.token(), body.password());
	}

	record ChangeRequest(@NotNull @Size(max = PasswordPolicy.MAX_LENGTH) String currentPassword,
			@NotNull @Size(max = PasswordPolicy.MAX_LENGTH) @AcceptablePassword String newPassword) {
	}

	record ResetRequest(@NotBlank @Size(max = 320) String email) {
	}

	record ConfirmRequest(@NotBlank @Size(max = 100) String token,
			@NotNull @Size(max = PasswordPolicy.MAX_LENGTH) @AcceptablePassword String password) {
	}

}
