package dev.ferry.files;

import dev.ferry.auth.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The classic route {@code POST /api/v1/files/{id}/encrypt}: without a body, re-encrypts
 * the file under a fresh data key and shreds the old one; with {@code {"passphrase"}},
 * turns it into an age file only that passphrase opens.
 */
@Tag(name = "files")
@RestController
class EncryptController {

	private final FileEncryption encryption;

	EncryptController(FileEncryption encryption) {
		this.encryption = encryption;
	}

	@Operation(operationId = "encryptFile",
			summary = "Re-encrypt a file under a fresh data key, or convert it to an age passphrase file")
	@PostMapping("/api/v1/files/{id}/encrypt")
	FileView encrypt(@AuthenticationPrincipal CurrentUser user, @PathVariable String id,
			@RequestBody(required = false) EncryptRequest body) {
		return FileView.of(encryption.encrypt(user, id, (body != null) ? body.passphrase() : null));
	}

	record EncryptRequest(String passphrase) {
	}

}
