package dev.ferry.storage.internal;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.StreamingAead;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.streamingaead.AesGcmHkdfStreamingParameters;
import com.google.crypto.tink.streamingaead.StreamingAeadConfig;
import dev.ferry.crypto.CryptoException;
import dev.ferry.crypto.KeyEncryptionKey;
import dev.ferry.crypto.SealedColumn;
import dev.ferry.crypto.SealedValues;
import dev.ferry.storage.StorageProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per-blob data keys: a Tink streaming AEAD keyset (AES-256-GCM-HKDF-SHA256, 64 KiB
 * ciphertext segments) generated for each blob and kept only wrapped by the KEK.
 * Unwrapped primitives are cached briefly so a burst of range requests unwraps once; the
 * cache holds primitives, never serialized key bytes. After a KEK rotation the data keys
 * are re-wrapped in batches walked by id, so memory stays flat and a blob that fails
 * cannot stall the walk; blob content is never touched.
 */
class DataKeys {

	private static final Logger log = LoggerFactory.getLogger(DataKeys.class);

	/** Ciphertext segment size: small segments keep range reads and GCM calls cheap. */
	static final int SEGMENT_SIZE = 64 * 1024;

	private static final int BATCH = 500;

	private final SealedColumn kek;

	private final BlobRepository blobs;

	private final AesGcmHkdfStreamingParameters parameters;

	private final Cache<UUID, StreamingAead> cache;

	DataKeys(KeyEncryptionKey kek, BlobRepository blobs, StorageProperties properties) {
		this.kek = kek.register("blobs.wrapped_key", this::resealAll);
		this.blobs = blobs;
		try {
			StreamingAeadConfig.register();
			this.parameters = AesGcmHkdfStreamingParameters.builder()
				.setKeySizeBytes(32)
				.setDerivedAesGcmKeySizeBytes(32)
				.setHkdfHashType(AesGcmHkdfStreamingParameters.HashType.SHA256)
				.setCiphertextSegmentSizeBytes(SEGMENT_SIZE)
				.build();
		}
		catch (GeneralSecurityException ex) {
			throw new CryptoException("Streaming AEAD unavailable", ex);
		}
		this.cache = Caffeine.newBuilder()
			.maximumSize(properties.keyCacheSize())
			.expireAfterAccess(properties.keyCacheTtl())
			.build();
	}

	/** A fresh data key for {@code blobId}, wrapped by the KEK. */
	WrappedKey generate(UUID blobId) {
		try {
			KeysetHandle keyset = KeysetHandle.generateNew(parameters);
			byte[] serialized = TinkProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get());
			try {
				byte[] wrapped = kek.seal(serialized, context(blobId));
				cache.put(blobId, primitive(keyset));
				return new WrappedKey(wrapped, kek.keyIdOf(wrapped));
			}
			finally {
				Arrays.fill(serialized, (byte) 0);
			}
		}
		catch (GeneralSecurityException ex) {
			throw new CryptoException("Cannot generate a data key", ex);
		}
	}

	/** The blob's streaming AEAD, unwrapping {@code wrapped} unless recently cached. */
	StreamingAead aead(UUID blobId, byte[] wrapped) {
		return cache.get(blobId, (id) -> unwrap(id, wrapped));
	}

	/** The same data key, wrapped again under the KEK's current primary key. */
	WrappedKey rewrap(UUID blobId, byte[] wrapped) {
		byte[] resealed = kek.reseal(wrapped, context(blobId));
		return new WrappedKey(resealed, kek.keyIdOf(resealed));
	}

	/** Re-wraps every data key not wrapped by the KEK's primary key. */
	SealedValues.Resealed resealAll() {
		int primary = kek.primaryKeyId();
		long resealed = 0;
		long unreadable = 0;
		String after = "";
		for (List<BlobRepository.Blob> batch = blobs.wrappedByOtherThan(primary, after, BATCH); !batch
			.isEmpty(); batch = blobs.wrappedByOtherThan(primary, after, BATCH)) {
			for (BlobRepository.Blob blob : batch) {
				try {
					if (blobs.rewrap(blob.id(), rewrap(blob.id(), blob.wrappedKey()))) {
						resealed++;
					}
				}
				catch (CryptoException ex) {
					log.warn("Cannot re-wrap the data key of blob {}: it does not open ({})", blob.id(),
							ex.getMessage());
					unreadable++;
				}
			}
			after = batch.get(batch.size() - 1).id().toString();
		}
		return new SealedValues.Resealed(resealed, unreadable);
	}

	void forget(UUID blobId) {
		cache.invalidate(blobId);
	}

	private StreamingAead unwrap(UUID blobId, byte[] wrapped) {
		byte[] serialized = kek.open(wrapped, context(blobId));
		try {
			return primitive(TinkProtoKeysetFormat.parseKeyset(serialized, InsecureSecretKeyAccess.get()));
		}
		catch (GeneralSecurityException ex) {
			throw new CryptoException("Broken data key for a blob", ex);
		}
		finally {
			Arrays.fill(serialized, (byte) 0);
		}
	}

	private static StreamingAead primitive(KeysetHandle keyset) throws GeneralSecurityException {
		return keyset.getPrimitive(RegistryConfiguration.get(), StreamingAead.class);
	}

	private static String context(UUID blobId) {
		return "blob:" + blobId;
	}

	/** A data key sealed by the KEK, and the id of the KEK key that sealed it. */
	record WrappedKey(byte[] wrapped, int kekKeyId) {
	}

}
