package dev.ferry.crypto;

/**
 * A holder of values sealed by the {@link KeyEncryptionKey} (data keys, server secrets,
 * TOTP secrets...). After a key rotation, {@link KeyRotation} asks every holder to
 * re-seal its values under the new primary key so old keys can eventually be retired.
 */
public interface SealedValues {

	/**
	 * Re-seals every value not sealed by the KEK's current primary key; returns how many
	 * were re-sealed. Must be safe to run again after a partial run.
	 */
	long resealAll();

}
