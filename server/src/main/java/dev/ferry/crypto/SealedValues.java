package dev.ferry.crypto;

/**
 * The re-seal callback of one registered holder of values sealed by the
 * {@link KeyEncryptionKey}. A holder hands it over in
 * {@link KeyEncryptionKey#register(String, SealedValues)}, the only way to get a
 * {@link SealedColumn} to seal with; after a key rotation {@link KeyRotation} calls every
 * registered one so old keys can be retired.
 */
@FunctionalInterface
public interface SealedValues {

	/**
	 * Re-seals every value not sealed by the KEK's current primary key; returns how many
	 * were re-sealed. Must be safe to run again after a partial run.
	 */
	long resealAll();

}
