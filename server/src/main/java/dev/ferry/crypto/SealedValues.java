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
	 * Re-seals every value not sealed by the KEK's current primary key. A value that does
	 * not open (damaged, or sealed by a key no longer in the keyset) is counted and left
	 * as it is: one bad row must not keep every other value under the old key. Must be
	 * safe to run again after a partial run.
	 */
	Resealed resealAll();

	/** How many values moved to the primary key, and how many could not be opened. */
	record Resealed(long resealed, long unreadable) {

		public Resealed plus(Resealed other) {
			return new Resealed(resealed + other.resealed, unreadable + other.unreadable);
		}

	}

}
