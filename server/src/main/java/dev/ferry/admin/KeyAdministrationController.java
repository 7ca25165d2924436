package dev.ferry.admin;

import dev.ferry.auth.CurrentUser;
import dev.ferry.crypto.KeyRotation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "admin")
@RestController
class KeyAdministrationController {

	private final KeyAdministration keys;

	KeyAdministrationController(KeyAdministration keys) {
		this.keys = keys;
	}

	/**
	 * Adds a new primary key-encryption key and re-seals every registered sealed value
	 * (data keys, server secrets, TOTP secrets, SSO tokens, queued mail) under it. Older
	 * keys stay in the keyset, so nothing becomes unreadable.
	 */
	@Operation(operationId = "rotateKeys", summary = "Rotate the key-encryption key and re-seal the values it protects")
	@PostMapping("/api/v1/admin/keys/rotate")
	KeyRotated rotate(@AuthenticationPrincipal CurrentUser user) {
		KeyRotation.Rotated rotated = keys.rotate(user);
		return new KeyRotated(rotated.kekKeyId(), rotated.resealed(), rotated.unreadable());
	}

	record KeyRotated(long kekKeyId, long rewrapped, long unreadable) {
	}

}
