package dev.ferry.crypto;

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
		int primary = kek.rotate();
		long resealed = kek.resealers().stream().mapToLong(SealedValues::resealAll).sum();
		return new Rotated(Integer.toUnsignedLong(primary), resealed);
	}

	/**
	 * The new primary key id (Tink's unsigned 32-bit id) and how many values moved to it.
	 */
	public record Rotated(long kekKeyId, long resealed) {
	}

}
