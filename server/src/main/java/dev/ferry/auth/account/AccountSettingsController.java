package dev.ferry.auth.account;

import dev.ferry.auth.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "auth")
@RestController
class AccountSettingsController {

	private final AccountLanguage language;

	AccountSettingsController(AccountLanguage language) {
		this.language = language;
	}

	/**
	 * The account's own settings: {@code locale}, a BCP 47 tag of a shipped language for
	 * the web UI, mails and problem details, or null to follow the browser. An absent
	 * field stays as it is.
	 */
	@Operation(operationId = "updateCurrentUser", summary = "Change your own account settings (language)")
	@PatchMapping("/api/v1/me")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void update(@AuthenticationPrincipal CurrentUser caller, @RequestBody AccountSettings body) {
		if (body.localeSet()) {
			language.change(caller, body.locale());
		}
	}

}
