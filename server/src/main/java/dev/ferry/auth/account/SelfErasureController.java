package dev.ferry.auth.account;

import dev.ferry.auth.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "auth")
@RestController
class SelfErasureController {

	private final SelfErasure erasure;

	SelfErasureController(SelfErasure erasure) {
		this.erasure = erasure;
	}

	@Operation(operationId = "eraseOwnAccount",
			summary = "Erase your own account: files crypto-shredded, tokens and keys deleted, audit pseudonymised")
	@DeleteMapping("/api/v1/me")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void erase(@AuthenticationPrincipal CurrentUser caller, @Valid @RequestBody EraseRequest body) {
		erasure.erase(caller, body.confirm());
	}

	/** {@code confirm}: the account's email address, typed by its owner. */
	record EraseRequest(@NotBlank String confirm) {
	}

}
