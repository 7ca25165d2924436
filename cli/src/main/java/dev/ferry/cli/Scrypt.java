package dev.ferry.cli;

import java.security.GeneralSecurityException;
import java.util.Arrays;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * scrypt (RFC 7914) on the JDK alone, which has none: PBKDF2-HMAC-SHA-256 with one
 * iteration around ROMix over Salsa20/8 BlockMix. age's passphrase stanza needs it with r
 * = 8 and p = 1; the memory is 128 * r * N bytes.
 */
final class Scrypt {

	private Scrypt() {
	}

	static byte[] derive(byte[] password, byte[] salt, int n, int r, int p, int length) {
		int blockInts = 32 * r;
		byte[] b = pbkdf2(password, salt, p * 128 * r);
		int[] x = new int[blockInts];
		int[] y = new int[blockInts];
		int[] v = new int[blockInts * n];
		for (int i = 0; i < p; i++) {
			int offset = i * 128 * r;
			for (int k = 0; k < blockInts; k++) {
				x[k] = littleEndian(b, offset + 4 * k);
			}
			romix(x, y, v, n, r);
			for (int k = 0; k < blockInts; k++) {
				int word = x[k];
				for (int s = 0; s < 4; s++) {
					b[offset + 4 * k + s] = (byte) (word >>> (8 * s));
				}
			}
		}
		Arrays.fill(v, 0);
		return pbkdf2(password, b, length);
	}

	private static void romix(int[] x, int[] y, int[] v, int n, int r) {
		int blockInts = 32 * r;
		int[] t = new int[16];
		for (int i = 0; i < n; i++) {
			System.arraycopy(x, 0, v, i * blockInts, blockInts);
			blockMix(x, y, t, r);
		}
		for (int i = 0; i < n; i++) {
			int j = x[blockInts - 16] & (n - 1);
			for (int k = 0; k < blockInts; k++) {
				x[k] ^= v[j * blockInts + k];
			}
			blockMix(x, y, t, r);
		}
	}

	/**
	 * BlockMix: {@code b} is replaced by its mix; {@code y} is scratch space of its size.
	 */
	private static void blockMix(int[] b, int[] y, int[] t, int r) {
		System.arraycopy(b, (2 * r - 1) * 16, t, 0, 16);
		for (int i = 0; i < 2 * r; i++) {
			for (int k = 0; k < 16; k++) {
				t[k] ^= b[i * 16 + k];
			}
			salsa8(t);
			// even blocks go to the first half, odd ones to the second
			int target = ((i % 2 == 0) ? i / 2 : r + i / 2) * 16;
			System.arraycopy(t, 0, y, target, 16);
		}
		System.arraycopy(y, 0, b, 0, 32 * r);
	}

	/** Salsa20/8 in place, in locals: this is where scrypt spends its time. */
	private static void salsa8(int[] block) {
		int x0 = block[0];
		int x1 = block[1];
		int x2 = block[2];
		int x3 = block[3];
		int x4 = block[4];
		int x5 = block[5];
		int x6 = block[6];
		int x7 = block[7];
		int x8 = block[8];
		int x9 = block[9];
		int x10 = block[10];
		int x11 = block[11];
		int x12 = block[12];
		int x13 = block[13];
		int x14 = block[14];
		int x15 = block[15];
		for (int i = 0; i < 8; i += 2) {
			x4 ^= Integer.rotateLeft(x0 + x12, 7);
			x8 ^= Integer.rotateLeft(x4 + x0, 9);
			x12 ^= Integer.rotateLeft(x8 + x4, 13);
			x0 ^= Integer.rotateLeft(x12 + x8, 18);
			x9 ^= Integer.rotateLeft(x5 + x1, 7);
			x13 ^= Integer.rotateLeft(x9 + x5, 9);
			x1 ^= Integer.rotateLeft(x13 + x9, 13);
			x5 ^= Integer.rotateLeft(x1 + x13, 18);
			x14 ^= Integer.rotateLeft(x10 + x6, 7);
			x2 ^= Integer.rotateLeft(x14 + x10, 9);
			x6 ^= Integer.rotateLeft(x2 + x14, 13);
			x10 ^= Integer.rotateLeft(x6 + x2, 18);
			x3 ^= Integer.rotateLeft(x15 + x11, 7);
			x7 ^= Integer.rotateLeft(x3 + x15, 9);
			x11 ^= Integer.rotateLeft(x7 + x3, 13);
			x15 ^= Integer.rotateLeft(x11 + x7, 18);
			x1 ^= Integer.rotateLeft(x0 + x3, 7);
			x2 ^= Integer.rotateLeft(x1 + x0, 9);
			x3 ^= Integer.rotateLeft(x2 + x1, 13);
			x0 ^= Integer.rotateLeft(x3 + x2, 18);
			x6 ^= Integer.rotateLeft(x5 + x4, 7);
			x7 ^= Integer.rotateLeft(x6 + x5, 9);
			x4 ^= Integer.rotateLeft(x7 + x6, 13);
			x5 ^= Integer.rotateLeft(x4 + x7, 18);
			x11 ^= Integer.rotateLeft(x10 + x9, 7);
			x8 ^= Integer.rotateLeft(x11 + x10, 9);
			x9 ^= Integer.rotateLeft(x8 + x11, 13);
			x10 ^= Integer.rotateLeft(x9 + x8, 18);
			x12 ^= Integer.rotateLeft(x15 + x14, 7);
			x13 ^= Integer.rotateLeft(x12 + x15, 9);
			x14 ^= Integer.rotateLeft(x13 + x12, 13);
			x15 ^= Integer.rotateLeft(x14 + x13, 18);
		}
		block[0] += x0;
		block[1] += x1;
		block[2] += x2;
		block[3] += x3;
		block[4] += x4;
		block[5] += x5;
		block[6] += x6;
		block[7] += x7;
		block[8] += x8;
		block[9] += x9;
		block[10] += x10;
		block[11] += x11;
		block[12] += x12;
		block[13] += x13;
		block[14] += x14;
		block[15] += x15;
	}

	/** PBKDF2-HMAC-SHA-256 with one iteration: block i is HMAC(password, salt || i). */
	private static byte[] pbkdf2(byte[] password, byte[] salt, int length) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec((password.length == 0) ? new byte[1] : password, "HmacSHA256"));
			byte[] out = new byte[length];
			for (int i = 1, at = 0; at < length; i++, at += 32) {
				mac.update(salt);
				mac.update(new byte[] { (byte) (i >>> 24), (byte) (i >>> 16), (byte) (i >>> 8), (byte) i });
				byte[] block = mac.doFinal();
				System.arraycopy(block, 0, out, at, Math.min(32, length - at));
			}
			return out;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static int littleEndian(byte[] bytes, int at) {
		return (bytes[at] & 0xff) | (bytes[at + 1] & 0xff) << 8 | (bytes[at + 2] & 0xff) << 16
				| (bytes[at + 3] & 0xff) << 24;
	}

}
