package dev.ferry.crypto;

import java.util.List;

import org.springframework.stereotype.Service;

/**
 * Rotates the key-encryption key: a new primary key, then every sealed value re-sealed
 * under it. Content is never re-encrypted: only the small wrapped keys change.
 */
@Service
public class KeyRotation {

	private final KeyEncryptionKey kek;

	private final List<SealedValues> holders;

	KeyRotation(KeyEncryptionKey kek, List<SealedValues> holders) {
		this.kek = kek;
		this.holders = holders;
	}

	public synchronized Rotated rotate() {
		int primary = kek.rotate();
		long resealed = holders.stream().mapToLong(SealedValues::resealAll).sum();
		return new Rotated(Integer.toUnsignedLong(primary), resealed);
	}

	/**
	 * The new primary key id (Tink's unsigned 32-bit id) and how many values moved to it.
	 */
	public record Rotated(long kekKeyId, long resealed) {
	}

}
