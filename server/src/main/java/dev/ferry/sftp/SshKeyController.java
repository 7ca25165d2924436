package dev.ferry.sftp;

import java.util.List;
import java.util.UUID;

import dev.ferry.SafeName;
import dev.ferry.auth.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

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

@Tag(name = "sftp")
@RestController
@RequestMapping("/api/v1/auth/ssh-keys")
class SshKeyController {

	private final SshKeys keys;

	SshKeyController(SshKeys keys) {
		this.keys = keys;
	}

	@Operation(operationId = "addSshKey", summary = "Add an SSH public key for SFTP sign-in")
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	SshKeyView add(@AuthenticationPrincipal CurrentUser caller, @Valid @RequestBody AddRequest body) {
		return keys.add(caller, body.name(), body.publicKey());
	}

	@Operation(operationId = "listSshKeys", summary = "List the caller's SSH public keys")
	@GetMapping
	Items list(@AuthenticationPrincipal CurrentUser caller) {
		return new Items(keys.list(caller));
	}

	@Operation(operationId = "deleteSshKey", summary = "Remove an SSH public key")
	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@AuthenticationPrincipal CurrentUser caller, @PathVariable UUID id) {
		keys.delete(caller, id);
	}

	record AddRequest(@NotBlank @Size(max = 100) @SafeName String name, @NotBlank @Size(max = 16384) String publicKey) {
	}

	record Items(List<SshKeyView> items) {
	}

}
