package dev.ferry.crypto;

import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Service;

/**
 * Rotates the key-encryption key: a new primary key, then every registered holder's
 * values re-sealed under it. Content is never re-encrypted: only the small wrapped keys
 * change.
 */
@Service
public class KeyRotation {

	private final KeyEncryptionKey kek;

	KeyRotation(KeyEncryptionKey kek) {
		this.kek = kek;
	}

	public synchronized Rotated rotate() {
		long rotatedAt = System.nanoTime();
		int primary = kek.rotate();
		SealedValues.Resealed first = resealAll();
		// Other nodes sharing the keyset take up the new primary key within one recheck
		// of the file, and a transaction of this node may have sealed under the old one
		// before the rotation and committed after the walk passed its row: a second walk
		// once that time is up leaves nothing under the old keys when the call answers,
		// which is when the docs say they may be retired.
		waitUntil(rotatedAt + kek.recheck().toNanos());
		SealedValues.Resealed second = resealAll();
		return new Rotated(Integer.toUnsignedLong(primary), first.resealed() + second.resealed(), second.unreadable());
	}

	private SealedValues.Resealed resealAll() {
		return kek.resealers()
			.stream()
			.map(SealedValues::resealAll)
			.reduce(new SealedValues.Resealed(0, 0), SealedValues.Resealed::plus);
	}

	private static void waitUntil(long nanoTime) {
		try {
			long left = nanoTime - System.nanoTime();
			if (left > 0) {
				TimeUnit.NANOSECONDS.sleep(left);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new CryptoException("Key rotation interrupted before its second pass", ex);
		}
	}

	/**
	 * The new primary key id (Tink's unsigned 32-bit id), how many values moved to it,
	 * and how many could not be opened (damaged, or sealed by a key no longer in the
	 * keyset): those stay as they were, and so must the older keys.
	 */
	public record Rotated(long kekKeyId, long resealed, long unreadable) {
	}

}
