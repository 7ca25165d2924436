package dev.ferry.storage.internal;

import java.util.List;

import dev.ferry.crypto.KeyEncryptionKey;
import dev.ferry.crypto.SealedValues;

import org.springframework.stereotype.Component;

/**
 * Re-wraps blob data keys under the KEK's current primary key, in batches walked by id so
 * memory stays flat and a blob that fails cannot stall the walk. Blob content is never
 * touched: the data key itself does not change.
 */
@Component
class BlobKeyResealer implements SealedValues {

	private static final int BATCH = 500;

	private final BlobRepository blobs;

	private final DataKeys keys;

	private final KeyEncryptionKey kek;

	BlobKeyResealer(BlobRepository blobs, DataKeys keys, KeyEncryptionKey kek) {
		this.blobs = blobs;
		this.keys = keys;
		this.kek = kek;
	}

	@Override
	public long resealAll() {
		int primary = kek.primaryKeyId();
		long resealed = 0;
		String after = "";
		for (List<BlobRepository.Blob> batch = blobs.wrappedByOtherThan(primary, after, BATCH); !batch
			.isEmpty(); batch = blobs.wrappedByOtherThan(primary, after, BATCH)) {
			for (BlobRepository.Blob blob : batch) {
				if (blobs.rewrap(blob.id(), keys.rewrap(blob.id(), blob.wrappedKey()))) {
					resealed++;
				}
			}
			after = batch.get(batch.size() - 1).id().toString();
		}
		return resealed;
	}

}
