package dev.ferry.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.UUID;

import dev.ferry.Ids;
import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.AccessPolicy;
import dev.ferry.auth.CurrentUser;
import dev.ferry.auth.Scope;
import dev.ferry.storage.BlobStorage;
import dev.ferry.storage.PendingPart;
import dev.ferry.storage.StorageException;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * {@code POST /api/v1/files/{id}/encrypt}: copies a file's plaintext into a new blob
 * (which {@link BlobStorage#create} gives a fresh data key), or converts it to an age
 * file under a passphrase, then points the file at the new blob and crypto-shreds the old
 * one. Crash-safe in that order: the new blob is committed (fsynced) before the file row
 * moves to it, and the old key is destroyed only after that row committed, so a crash
 * leaves either the old content or the new one readable, never neither. Turning a file
 * into age also shreds its older versions: the server is to hold no plaintext of it.
 */
@Service
class FileEncryption {

	static final String AGE_TYPE = "application/x-age";

	static final int MIN_PASSPHRASE = 8;

	static final int MAX_PASSPHRASE = 1024;

	private final FileRepository files;

	private final BlobStorage storage;

	private final Quotas quotas;

	private final AuditLog audit;

	private final AccessPolicy access;

	private final TransactionOperations transactions;

	private final VersionStore versions;

	FileEncryption(FileRepository files, BlobStorage storage, Quotas quotas, AuditLog audit, AccessPolicy access,
			TransactionOperations transactions, VersionStore versions) {
		this.versions = versions;
		this.files = files;
		this.storage = storage;
		this.quotas = quotas;
		this.audit = audit;
		this.access = access;
		this.transactions = transactions;
	}

	FileRecord encrypt(CurrentUser owner, String id, String passphrase) {
		access.requireScope(owner, Scope.WRITE, "file.encrypted");
		FileRecord file = owned(owner, id);
		boolean age = passphrase != null;
		if (age) {
			checkAge(file, passphrase);
		}
		String name = (age && !file.name().endsWith(".age")) ? file.name() + ".age" : file.name();
		if (!name.equals(file.name()) && files.exists(owner.userId(), file.folder(), name)) {
			refuse(file, "path_taken");
			throw FileException.pathTaken(FilePaths.join(file.folder(), name));
		}
		UUID blob = storage.create();
		Written written;
		try {
			written = copy(file, blob, passphrase);
			long growth = written.size() - file.size();
			if (growth > 0 && growth > quotas.remaining(owner, file.id())) {
				throw FileException.quotaExceeded(quotas.remaining(owner, file.id()));
			}
		}
		catch (RuntimeException ex) {
			storage.destroy(blob);
			refuse(file, "failed");
			throw ex;
		}
		String type = age ? AGE_TYPE : file.contentType();
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		if (!swap(file, blob, name, type, written, age, now)) {
			storage.destroy(blob);
			refuse(file, "content_changed");
			throw FileException.contentChanged();
		}
		return new FileRecord(file.id(), file.ownerId(), file.folder(), name, type, file.declaredType(), written.size(),
				written.sha256(), blob, file.createdAt(), now, file.scan());
	}

	/**
	 * An unscanned file stays plaintext: the scanner would later see only ciphertext.
	 */
	private void checkAge(FileRecord file, String passphrase) {
		if (passphrase.length() < MIN_PASSPHRASE || passphrase.length() > MAX_PASSPHRASE) {
			refuse(file, "invalid_passphrase");
			throw FileException.invalidEncryption(
					"The passphrase must be " + MIN_PASSPHRASE + " to " + MAX_PASSPHRASE + " characters long.");
		}
		if (AGE_TYPE.equals(file.contentType())) {
			refuse(file, "already_age");
			throw FileException.invalidEncryption("This file is already an age file.");
		}
		if (file.scan().status() == ScanStatus.PENDING) {
			refuse(file, "scan_pending");
			throw FileException.scanPending();
		}
	}

	private boolean swap(FileRecord file, UUID blob, String name, String type, Written written, boolean age,
			Instant now) {
		try {
			return Boolean.TRUE.equals(transactions.execute((status) -> {
				if (!files.replaceContent(file, blob, name, type, written.size(), written.sha256(), now)) {
					return false;
				}
				audit.record(AuditEvent.success("file.encrypted")
					.object("file", file.id())
					.detail("format", age ? "age-scrypt" : "data-key")
					.detail("path", FilePaths.join(file.folder(), name))
					.detail("size", written.size()));
				// In the swap's transaction: a crash after it must not leave the old
				// content's key (or, for age, its plaintext versions and preview) behind.
				storage.destroy(file.blobId());
				if (age) {
					versions.replacedByCiphertext(file);
				}
				return true;
			}));
		}
		catch (DataIntegrityViolationException ex) {
			return false;
		}
	}

	/** Streams the old blob's plaintext (through age, if asked) into the new blob. */
	private Written copy(FileRecord file, UUID blob, String passphrase) {
		MessageDigest sha256 = sha256();
		try (InputStream in = storage.openRange(file.blobId(), 0, file.size());
				PendingPart part = storage.beginPart(blob, 0)) {
			DigestOutputStream digesting = new DigestOutputStream(part.stream(), sha256);
			OutputStream target = (passphrase != null) ? new AgePassphraseStream(digesting, passphrase) : digesting;
			in.transferTo(target);
			target.close();
			long size = (part.written() > 0) ? part.commit() : 0;
			return new Written(size, HexFormat.of().formatHex(sha256.digest()));
		}
		catch (IOException ex) {
			throw new StorageException(ex);
		}
	}

	private FileRecord owned(CurrentUser owner, String id) {
		UUID uuid = Ids.parse(id);
		FileRecord file = (uuid != null) ? files.findOwned(uuid, owner.userId()).orElse(null) : null;
		if (file == null) {
			audit.record(AuditEvent.failure("file.encrypted")
				.object("file", (id != null && id.length() <= 64) ? id : null)
				.detail("reason", "not_found"));
			throw FileException.notFound();
		}
		return file;
	}

	private void refuse(FileRecord file, String reason) {
		audit.record(AuditEvent.failure("file.encrypted").object("file", file.id()).detail("reason", reason));
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private record Written(long size, String sha256) {
	}

}
