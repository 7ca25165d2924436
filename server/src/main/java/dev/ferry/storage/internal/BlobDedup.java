package dev.ferry.storage.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.ferry.crypto.CryptoException;
import dev.ferry.crypto.ServerSecrets;
import dev.ferry.storage.BlobDeduplication;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * {@link BlobDeduplication} over {@code blob_dedup} and the blobs' reference counts. The
 * scope goes into the keyed hash, so with {@code account} two accounts' identical files
 * never meet; switching the mode only stops matching what was stored before.
 */
@Service
class BlobDedup implements BlobDeduplication {

	private static final String SECRET = "blob-dedup";

	private static final int ATTEMPTS = 5;

	private final Mode mode;

	private final ServerSecrets secrets;

	private final DedupRepository dedup;

	private final BlobRepository blobs;

	private final EncryptedBlobStorage storage;

	private volatile SecretKeySpec key;

	BlobDedup(@Value("${ferry.storage.dedup:account}") String mode, ServerSecrets secrets, DedupRepository dedup,
			BlobRepository blobs, EncryptedBlobStorage storage) {
		this.mode = Mode.parse(mode);
		this.secrets = secrets;
		this.dedup = dedup;
		this.blobs = blobs;
		this.storage = storage;
	}

	@Override
	public Optional<String> contentKey(UUID accountId, String sha256) {
		if (mode == Mode.OFF || sha256 == null) {
			return Optional.empty();
		}
		String scope = (mode == Mode.GLOBAL) ? "global" : "account:" + accountId;
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key());
			byte[] hash = mac
				.doFinal((scope + "\n" + sha256.toLowerCase(Locale.ROOT)).getBytes(StandardCharsets.UTF_8));
			return Optional.of(HexFormat.of().formatHex(hash));
		}
		catch (GeneralSecurityException ex) {
			throw new CryptoException("HMAC-SHA256 unavailable", ex);
		}
	}

	@Override
	public UUID deduplicate(UUID blobId, String contentKey) {
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			UUID holder = dedup.claim(contentKey, blobId);
			if (holder.equals(blobId)) {
				return blobId;
			}
			if (blobs.addReference(holder)) {
				storage.shredder().destroyThenPurgeLater(blobId);
				return holder;
			}
			dedup.release(contentKey, holder);
		}
		return blobId;
	}

	private SecretKeySpec key() {
		SecretKeySpec current = key;
		if (current == null) {
			current = new SecretKeySpec(secrets.secret(SECRET), "HmacSHA256");
			key = current;
		}
		return current;
	}

	enum Mode {

		OFF, ACCOUNT, GLOBAL;

		static Mode parse(String value) {
			return switch (value.trim().toLowerCase(Locale.ROOT)) {
				case "off" -> OFF;
				case "account", "" -> ACCOUNT;
				case "global" -> GLOBAL;
				default -> throw new IllegalStateException("FERRY_DEDUP must be off, account or global, not " + value);
			};
		}

	}

}
