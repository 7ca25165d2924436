package dev.ferry.sftp;

import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.AccessPolicy;
import dev.ferry.auth.CurrentUser;
import dev.ferry.auth.Scope;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;

import org.springframework.stereotype.Service;

/**
 * The SSH public keys an account signs in to SFTP with. Only an interactive session (not
 * an API key) adds or removes them, as for API keys; every change is audited.
 */
@Service
class SshKeys {

	private final SshKeyRepository keys;

	private final AccessPolicy access;

	private final AuditLog audit;

	private final Clock clock;

	SshKeys(SshKeyRepository keys, AccessPolicy access, AuditLog audit, Clock clock) {
		this.keys = keys;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
	}

	SshKeyView add(CurrentUser caller, String name, String line) {
		requireSession(caller, "sftp.ssh_key_create");
		PublicKey key = parse(line);
		String type = KeyUtils.getKeyType(key);
		String canonical = PublicKeyEntry.toString(key);
		Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
		SshKeyRepository.SshKey record = new SshKeyRepository.SshKey(UUID.randomUUID(), caller.userId(), name.trim(),
				canonical, KeyUtils.getFingerPrint(key), now, null);
		if (!keys.insert(record)) {
			audit.record(AuditEvent.failure("sftp.ssh_key_create").detail("reason", "duplicate"));
			throw SshKeyException.duplicate();
		}
		audit.record(AuditEvent.success("sftp.ssh_key_create")
			.object("ssh_key", record.id())
			.detail("type", type)
			.detail("fingerprint", record.fingerprint()));
		return SshKeyView.of(record);
	}

	List<SshKeyView> list(CurrentUser caller) {
		access.requireScope(caller, Scope.READ, "sftp.ssh_key_list");
		return keys.forUser(caller.userId()).stream().map(SshKeyView::of).toList();
	}

	void delete(CurrentUser caller, UUID id) {
		requireSession(caller, "sftp.ssh_key_delete");
		if (!keys.delete(caller.userId(), id)) {
			audit.record(AuditEvent.failure("sftp.ssh_key_delete").object("ssh_key", id).detail("reason", "not_found"));
			throw SshKeyException.notFound();
		}
		audit.record(AuditEvent.success("sftp.ssh_key_delete").object("ssh_key", id));
	}

	/** The account's stored key equal to {@code key}. */
	Optional<SshKeyRepository.SshKey> match(UUID userId, PublicKey key) {
		return keys.find(userId, KeyUtils.getFingerPrint(key))
			.filter((stored) -> KeyUtils.compareKeys(key, parse(stored.publicKey())));
	}

	/** Whether the account still has the key, which sessions it signed in rely on. */
	boolean stillRegistered(UUID userId, UUID keyId) {
		return keys.exists(userId, keyId);
	}

	/** The key signed a sign-in: its "last used" is now. */
	void used(UUID keyId) {
		keys.used(keyId, clock.instant());
	}

	private void requireSession(CurrentUser caller, String action) {
		access.requireScope(caller, Scope.WRITE, action);
		if (caller.sessionId() == null) {
			audit.record(AuditEvent.denied(action).detail("reason", "not_interactive"));
			throw SshKeyException.sessionRequired();
		}
	}

	/** An OpenSSH public key line ({@code type base64 [comment]}). */
	static PublicKey parse(String line) {
		try {
			PublicKeyEntry entry = PublicKeyEntry.parsePublicKeyEntry(line.strip());
			PublicKey key = entry.resolvePublicKey(null, null, PublicKeyEntryResolver.FAILING);
			if (key == null) {
				throw SshKeyException.invalidKey("Unsupported key type " + entry.getKeyType() + ".");
			}
			return key;
		}
		catch (java.io.IOException | java.security.GeneralSecurityException | IllegalArgumentException ex) {
			throw SshKeyException.invalidKey("public_key must be one line in OpenSSH format, such as the contents "
					+ "of ~/.ssh/id_ed25519.pub (type, base64 key, optional comment).");
		}
	}

}
