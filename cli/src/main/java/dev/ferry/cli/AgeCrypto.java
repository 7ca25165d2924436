package dev.ferry.cli;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The primitives of age-encryption.org/v1 on the JDK alone: HKDF-SHA-256 (RFC 5869, one
 * 32-byte block), HMAC-SHA-256 and ChaCha20-Poly1305. The age library the issue names
 * (jagged) is not available from the build's registry.
 */
final class AgeCrypto {

	static final int CHUNK = 64 * 1024;

	static final int TAG = 16;

	static final int NONCE = 16;

	static final String MAGIC = "age-encryption.org/v1";

	private static final SecureRandom RANDOM = new SecureRandom();

	private AgeCrypto() {
	}

	static byte[] hkdf(byte[] key, byte[] salt, String info) {
		byte[] prk = hmac((salt.length == 0) ? new byte[32] : salt, key);
		byte[] infoBytes = info.getBytes(StandardCharsets.US_ASCII);
		byte[] block = Arrays.copyOf(infoBytes, infoBytes.length + 1);
		block[infoBytes.length] = 1;
		return hmac(prk, block);
	}

	static byte[] hmac(byte[] key, byte[] message) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac.doFinal(message);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static byte[] seal(byte[] key, byte[] nonce, byte[] plain, int length) {
		try {
			return cipher(Cipher.ENCRYPT_MODE, key, nonce).doFinal(plain, 0, length);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The plaintext, or null when the tag does not authenticate. */
	static byte[] open(byte[] key, byte[] nonce, byte[] sealed, int length) {
		try {
			return cipher(Cipher.DECRYPT_MODE, key, nonce).doFinal(sealed, 0, length);
		}
		catch (AEADBadTagException ex) {
			return null;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** STREAM nonce: 11-byte big-endian chunk counter, then the last-chunk flag. */
	static byte[] chunkNonce(long counter, boolean last) {
		byte[] nonce = new byte[12];
		long n = counter;
		for (int i = 10; i >= 3; i--) {
			nonce[i] = (byte) n;
			n >>>= 8;
		}
		nonce[11] = (byte) (last ? 1 : 0);
		return nonce;
	}

	static byte[] random(int length) {
		byte[] bytes = new byte[length];
		RANDOM.nextBytes(bytes);
		return bytes;
	}

	static byte[] concat(byte[] a, byte[] b) {
		byte[] both = Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, both, a.length, b.length);
		return both;
	}

	private static Cipher cipher(int mode, byte[] key, byte[] nonce) throws GeneralSecurityException {
		Cipher cipher = Cipher.getInstance("ChaCha20-Poly1305");
		cipher.init(mode, new SecretKeySpec(key, "ChaCha20"), new IvParameterSpec(nonce));
		return cipher;
	}

}
