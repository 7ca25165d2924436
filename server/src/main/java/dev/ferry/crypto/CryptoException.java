package dev.ferry.crypto;

/** A key could not be used: wrong key, tampered ciphertext or a broken keyset. */
public class CryptoException extends RuntimeException {

	public CryptoException(String message) {
		super(message);
	}

	public CryptoException(String message, Throwable cause) {
		super(message, cause);
	}

}
