package dev.ferry.share.transfer;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Consumer;

import dev.ferry.Ids;
import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.CurrentUser;
import dev.ferry.files.FileContent;
import dev.ferry.share.ShareException;
import dev.ferry.share.transfer.TransferApi.Change;
import dev.ferry.share.transfer.TransferApi.NewTransfer;

import org.springframework.stereotype.Service;

/**
 * End-to-end encrypted transfers in the age format (age-encryption.org/v1). Clients (the
 * browser, the age CLI) encrypt; nothing here can decrypt. The server only checks that
 * every file of such a transfer starts with age's header, so a plaintext file is never
 * sent as "encrypted" by mistake, and keeps the client's encrypted manifest (names,
 * types, message) as an opaque blob.
 */
@Service
public class EncryptedTransfers {

	static final byte[] AGE_HEADER = "age-encryption.org/v1\n".getBytes(StandardCharsets.US_ASCII);

	static final int MAX_MANIFEST_CHARS = 1 << 20;

	private final EncryptedTransferRepository repository;

	private final FileContent files;

	private final AuditLog audit;

	EncryptedTransfers(EncryptedTransferRepository repository, FileContent files, AuditLog audit) {
		this.repository = repository;
		this.files = files;
		this.audit = audit;
	}

	/**
	 * Runs {@code create} for a plain transfer; for {@code e2e: true} first checks the
	 * request and the caller's files, then has {@code create} mark the new transfer in
	 * its own transaction (the function's second argument). Every file of an encrypted
	 * transfer is pinned to the version checked (the one asked for, or the current one),
	 * so neither an older plaintext version nor a later one can go out under it. A
	 * refusal inside {@code create} rolls back only that transaction, never its audit
	 * record.
	 */
	Transfer create(CurrentUser user, NewTransfer request,
			BiFunction<NewTransfer, Consumer<Transfer>, Transfer> create) {
		if (!Boolean.TRUE.equals(request.e2e())) {
			if (request.manifest() != null) {
				throw ShareException.invalid("manifest belongs to an end-to-end encrypted transfer (e2e: true).");
			}
			return create.apply(request, (transfer) -> {
			});
		}
		if (request.message() != null && !request.message().isBlank()) {
			throw ShareException.invalid("An end-to-end encrypted transfer carries its message inside the encrypted"
					+ " manifest; a plain message would reach the server.");
		}
		String manifest = manifest(request.manifest());
		NewTransfer pinned = pinnedToAgeVersions(user, request);
		return create.apply(pinned, (transfer) -> repository.insert(transfer.id(), manifest));
	}

	/** A plain message would leak what the encrypted manifest hides. */
	void checkChange(UUID id, Change change) {
		if (change.message() != null && !change.message().isBlank() && repository.find(id).isPresent()) {
			throw ShareException.invalid("An end-to-end encrypted transfer cannot have a plain message.");
		}
	}

	/** Set for an end-to-end encrypted transfer. */
	public Optional<Encryption> find(UUID transferId) {
		return repository.find(transferId);
	}

	/**
	 * The request with every file the caller owns pinned to the version its links will
	 * serve, each checked to be an age file; the others are left to the transfer's own
	 * checks (unknown ids, versions that do not exist).
	 */
	private NewTransfer pinnedToAgeVersions(CurrentUser user, NewTransfer request) {
		if (request.fileIds() == null) {
			return request;
		}
		Map<String, Integer> versions = new HashMap<>((request.versions() != null) ? request.versions() : Map.of());
		for (String raw : request.fileIds()) {
			UUID id = Ids.parse(raw);
			if (id == null) {
				continue;
			}
			Integer version = pinnedIn(request.versions(), id);
			boolean asked = version != null;
			if (!asked) {
				OptionalInt current = files.currentVersion(user.userId(), id);
				if (current.isEmpty()) {
					continue;
				}
				version = current.getAsInt();
			}
			if (files.find(user.userId(), id, version).isEmpty()) {
				// A version that does not exist yet could arrive as plaintext before the
				// pin; a file that is not the caller's is left to the transfer's 404.
				if (asked && files.currentVersion(user.userId(), id).isPresent()) {
					throw ShareException.invalid("File " + id + " has no version " + version + ".");
				}
				continue;
			}
			if (!Arrays.equals(files.head(user.userId(), id, version, AGE_HEADER.length), AGE_HEADER)) {
				audit.record(AuditEvent.failure("transfer.created")
					.object("file", id)
					.detail("reason", "not_age")
					.detail("version", version));
				throw ShareException.invalid("File " + id + " (version " + version + ") is not an age file (it does "
						+ "not start with \"age-encryption.org/v1\"): an end-to-end encrypted transfer sends only "
						+ "ciphertext.");
			}
			if (!asked) {
				versions.put(raw, version);
			}
		}
		return new NewTransfer(request.title(), request.message(), request.fileIds(), request.recipients(),
				request.expiresAt(), request.showSenderEmail(), request.notifySender(), request.deleteFilesOnExpiry(),
				request.notifyRecipients(), request.link(), request.e2e(), request.manifest(),
				request.recipientLocale(), versions);
	}

	/** The version {@code versions} asks for the file, whatever the case of its key. */
	private static Integer pinnedIn(Map<String, Integer> versions, UUID fileId) {
		if (versions == null) {
			return null;
		}
		return versions.entrySet()
			.stream()
			.filter((entry) -> fileId.equals(Ids.parse(entry.getKey())))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElse(null);
	}

	private static String manifest(String manifest) {
		if (manifest == null) {
			return null;
		}
		if (manifest.length() > MAX_MANIFEST_CHARS) {
			throw ShareException.invalid("manifest may be at most " + MAX_MANIFEST_CHARS + " characters.");
		}
		requireAgeBase64(manifest, "manifest");
		return manifest;
	}

	/** {@code value} is standard base64 of an age file, or a 400 naming {@code field}. */
	static void requireAgeBase64(String value, String field) {
		byte[] decoded;
		try {
			decoded = Base64.getDecoder().decode(value);
		}
		catch (IllegalArgumentException ex) {
			throw ShareException.invalid(field + " must be standard base64 of an age file.");
		}
		if (decoded.length < AGE_HEADER.length
				|| !Arrays.equals(Arrays.copyOf(decoded, AGE_HEADER.length), AGE_HEADER)) {
			throw ShareException.invalid(field + " must be an age file (age-encryption.org/v1), base64-encoded.");
		}
	}

	/** What the server keeps of an end-to-end encrypted transfer: the opaque manifest. */
	public record Encryption(String manifest) {
	}

}
