package dev.ferry.sftp;

import dev.ferry.ProblemException;

import org.springframework.http.HttpStatus;

/** Problems of the SSH key API. */
class SshKeyException extends ProblemException {

	SshKeyException(HttpStatus status, String slug, String title, String detail) {
		super(status, slug, title, detail);
	}

	static SshKeyException invalidKey(String detail) {
		return new SshKeyException(HttpStatus.BAD_REQUEST, "invalid-ssh-key", "Invalid SSH public key", detail);
	}

	static SshKeyException duplicate() {
		return new SshKeyException(HttpStatus.CONFLICT, "ssh-key-exists", "SSH key already added",
				"This public key is already on your account.");
	}

	static SshKeyException notFound() {
		return new SshKeyException(HttpStatus.NOT_FOUND, "ssh-key-not-found", "No such SSH key",
				"There is no SSH key with this id on your account.");
	}

	static SshKeyException sessionRequired() {
		return new SshKeyException(HttpStatus.FORBIDDEN, "interactive-session-required", "Interactive session required",
				"Sign in with a password to manage SSH keys; an API key cannot.");
	}

}
