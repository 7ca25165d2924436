package dev.ferry.sftp;

import java.time.Instant;

/** An SSH key as the API shows it. */
record SshKeyView(String id, String name, String publicKey, String fingerprint, Instant createdAt, Instant lastUsedAt) {

	static SshKeyView of(SshKeyRepository.SshKey key) {
		return new SshKeyView(key.id().toString(), key.name(), key.publicKey(), key.fingerprint(), key.createdAt(),
				key.lastUsedAt());
	}

}
