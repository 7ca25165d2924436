package dev.ferry.crypto;

/**
 * The handle a holder seals and opens its values with. Only
 * {@link KeyEncryptionKey#register(String, SealedValues)} makes one, so every value
 * sealed under the KEK belongs to a holder that key rotation re-seals: none can be left
 * behind under a key that is later retired.
 */
public final class SealedColumn {

	private final KeyEncryptionKey kek;

	private final String name;

	SealedColumn(KeyEncryptionKey kek, String name) {
		this.kek = kek;
		this.name = name;
	}

	/** What was registered, {@code table.column} for values kept in the database. */
	public String name() {
		return name;
	}

	/**
	 * Encrypts {@code plaintext} under the primary key, binding it to {@code context}
	 * (for example a row id).
	 */
	public byte[] seal(byte[] plaintext, String context) {
		return kek.seal(plaintext, context);
	}

	/** Decrypts what {@link #seal} produced for the same {@code context}. */
	public byte[] open(byte[] sealed, String context) {
		return kek.open(sealed, context);
	}

	/** Opens {@code sealed} and seals it again under the current primary key. */
	public byte[] reseal(byte[] sealed, String context) {
		return kek.reseal(sealed, context);
	}

	/** Whether {@code sealed} is sealed by the current primary key already. */
	public boolean sealedByPrimary(byte[] sealed) {
		return kek.keyIdOf(sealed) == kek.primaryKeyId();
	}

	/** Id of the key that sealed {@code sealed}. */
	public int keyIdOf(byte[] sealed) {
		return kek.keyIdOf(sealed);
	}

	/** Id of the key that {@link #seal} uses now. */
	public int primaryKeyId() {
		return kek.primaryKeyId();
	}

}
