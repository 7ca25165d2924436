package dev.ferry.share.transfer;

import dev.ferry.auth.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "share")
@RestController
@RequestMapping("/api/v1/e2e")
class AgeKeyController {

	private final AgeKeys keys;

	AgeKeyController(AgeKeys keys) {
		this.keys = keys;
	}

	@Operation(operationId = "saveAgeKey", summary = "Store the caller's age recipient and wrapped identity")
	@PutMapping("/key")
	KeyView save(@AuthenticationPrincipal CurrentUser user, @RequestBody KeyView body) {
		return view(keys.save(user, body.recipient(), body.wrappedIdentity()));
	}

	@Operation(operationId = "getAgeKey", summary = "The caller's age recipient and wrapped identity")
	@GetMapping("/key")
	KeyView own(@AuthenticationPrincipal CurrentUser user) {
		return view(keys.own(user));
	}

	@Operation(operationId = "findAgeRecipient", summary = "Another user's public age recipient, by email")
	@GetMapping("/recipients")
	RecipientView recipient(@AuthenticationPrincipal CurrentUser user, @RequestParam String email) {
		return new RecipientView(email, keys.recipientOf(user, email));
	}

	private static KeyView view(AgeKeys.AgeKey key) {
		return new KeyView(key.recipient(), key.wrappedIdentity(), key.createdAt().toString());
	}

	record KeyView(String recipient, String wrappedIdentity, String createdAt) {
	}

	record RecipientView(String email, String recipient) {
	}

}
