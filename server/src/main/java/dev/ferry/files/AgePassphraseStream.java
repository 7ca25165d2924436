package dev.ferry.files;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.generators.SCrypt;
import org.bouncycastle.crypto.params.HKDFParameters;

/**
 * Writes an age file (age-encryption.org/v1) with one scrypt passphrase recipient, as
 * {@code age -p} does: a random 16-byte file key wrapped under the scrypt-derived key,
 * the header MAC, then the payload in 64 KiB ChaCha20-Poly1305 STREAM chunks. Streams: at
 * most one chunk is held. The age Java library the issue names (jagged) is not available
 * from the build's registry, so the format is written here, on the JDK's
 * ChaCha20-Poly1305 and Bouncy Castle's scrypt and HKDF; Debian's {@code age -d} reads
 * the result (tested).
 */
final class AgePassphraseStream extends OutputStream {

	/**
	 * scrypt N = 2^16 (64 MiB, a fraction of a second): age's own default is 2^18, which
	 * needs 256 MiB of server heap per conversion.
	 */
	static final int WORK_FACTOR = 16;

	private static final int CHUNK = 64 * 1024;

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();

	private final OutputStream out;

	private final byte[] payloadKey;

	private final byte[] chunk = new byte[CHUNK];

	private int filled;

	private long counter;

	private boolean closed;

	AgePassphraseStream(OutputStream out, String passphrase) throws IOException {
		this.out = out;
		byte[] fileKey = random(16);
		byte[] salt = random(16);
		byte[] label = "age-encryption.org/v1/scrypt".getBytes(StandardCharsets.US_ASCII);
		byte[] wrapKey = SCrypt.generate(passphrase.getBytes(StandardCharsets.UTF_8), concat(label, salt),
				1 << WORK_FACTOR, 8, 1, 32);
		byte[] wrapped = chacha(wrapKey, new byte[12], fileKey);
		String header = "age-encryption.org/v1\n-> scrypt " + B64.encodeToString(salt) + " " + WORK_FACTOR + "\n"
				+ B64.encodeToString(wrapped) + "\n---";
		byte[] mac = hmac(hkdf(fileKey, new byte[0], "header"), header.getBytes(StandardCharsets.US_ASCII));
		out.write((header + " " + B64.encodeToString(mac) + "\n").getBytes(StandardCharsets.US_ASCII));
		byte[] nonce = random(16);
		out.write(nonce);
		this.payloadKey = hkdf(fileKey, nonce, "payload");
		Arrays.fill(fileKey, (byte) 0);
		Arrays.fill(wrapKey, (byte) 0);
	}

	@Override
	public void write(int b) throws IOException {
		write(new byte[] { (byte) b }, 0, 1);
	}

	/** A full chunk is sealed only when more bytes follow: the last one is flagged. */
	@Override
	public void write(byte[] bytes, int offset, int length) throws IOException {
		int at = offset;
		int left = length;
		while (left > 0) {
			if (filled == CHUNK) {
				seal(false);
			}
			int n = Math.min(left, CHUNK - filled);
			System.arraycopy(bytes, at, chunk, filled, n);
			filled += n;
			at += n;
			left -= n;
		}
	}

	@Override
	public void close() throws IOException {
		if (closed) {
			return;
		}
		closed = true;
		seal(true);
		Arrays.fill(payloadKey, (byte) 0);
		out.flush();
	}

	private void seal(boolean last) throws IOException {
		byte[] nonce = new byte[12];
		long n = counter++;
		for (int i = 10; i >= 3; i--) {
			nonce[i] = (byte) n;
			n >>>= 8;
		}
		nonce[11] = (byte) (last ? 1 : 0);
		out.write(chacha(payloadKey, nonce, Arrays.copyOf(chunk, filled)));
		filled = 0;
	}

	private static byte[] chacha(byte[] key, byte[] nonce, byte[] plaintext) {
		try {
			Cipher cipher = Cipher.getInstance("ChaCha20-Poly1305");
			cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "ChaCha20"), new IvParameterSpec(nonce));
			return cipher.doFinal(plaintext);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] hkdf(byte[] key, byte[] salt, String info) {
		HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
		hkdf.init(new HKDFParameters(key, salt, info.getBytes(StandardCharsets.US_ASCII)));
		byte[] out = new byte[32];
		hkdf.generateBytes(out, 0, out.length);
		return out;
	}

	private static byte[] hmac(byte[] key, byte[] message) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac.doFinal(message);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] concat(byte[] a, byte[] b) {
		byte[] both = Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, both, a.length, b.length);
		return both;
	}

	private static byte[] random(int length) {
		byte[] bytes = new byte[length];
		RANDOM.nextBytes(bytes);
		return bytes;
	}

}
