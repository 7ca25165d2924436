package dev.ferry.auth.account;

import dev.ferry.SafeName;
import dev.ferry.auth.ClientInfo;
import dev.ferry.auth.password.AcceptablePassword;
import dev.ferry.auth.password.PasswordPolicy;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "auth")
@RestController
@RequestMapping("/api/v1/auth")
class RegistrationController {

	private final RegistrationService registration;

	RegistrationController(RegistrationService registration) {
		this.registration = registration;
	}

	@Operation(operationId = "registerAccount", summary = "Register an account")
	@PostMapping("/register")
	@ResponseStatus(HttpStatus.CREATED)
	UserView register(@Valid @RequestBody RegisterRequest body, HttpServletRequest request) {
		return registration.register(body.email(), body.password(), body.name(), body.invitationToken(),
				ClientInfo.of(request).ip());
	}

	@Operation(operationId = "createFirstAdmin", summary = "Create the first administrator of a new server")
	@PostMapping("/setup")
	@ResponseStatus(HttpStatus.CREATED)
	UserView setup(@Valid @RequestBody SetupRequest body) {
		return registration.setup(body.token(), body.email(), body.password(), body.name());
	}

	record RegisterRequest(@NotBlank @Email @Size(max = 320) String email,
			@NotNull @Size(max = PasswordPolicy.MAX_LENGTH) @AcceptablePassword String password,
			@Size(max = 200) @SafeName String name, @Size(max = 100) String invitationToken) {
	}

	record SetupRequest(@NotBlank @Size(max = 100) String token, @NotBlank @Email @Size(max = 320) String email,
			@NotNull @Size(max = PasswordPolicy.MAX_LENGTH) @AcceptablePassword String password,
			@Size(max = 200) @SafeName String name) {
	}

}
