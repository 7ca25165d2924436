package dev.ferry.cli;

import java.io.ByteArrayOutputStream;
import java.util.Locale;

/**
 * Bech32 (BIP 173, without its 90-character limit, as age uses it) for {@code age1…}
 * recipients and {@code AGE-SECRET-KEY-1…} identities.
 */
final class Bech32 {

	private static final String CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";

	private static final int[] GENERATOR = { 0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3 };

	private Bech32() {
	}

	static String encode(String hrp, byte[] data) {
		byte[] values = convert(data, 8, 5, true);
		byte[] checksum = checksum(hrp, values);
		StringBuilder out = new StringBuilder(hrp).append('1');
		for (byte v : values) {
			out.append(CHARSET.charAt(v));
		}
		for (byte v : checksum) {
			out.append(CHARSET.charAt(v));
		}
		return out.toString();
	}

	/** The data of {@code text} if its prefix is {@code hrp} and its checksum holds. */
	static byte[] decode(String hrp, String text) {
		if (!text.equals(text.toLowerCase(Locale.ROOT)) && !text.equals(text.toUpperCase(Locale.ROOT))) {
			throw new IllegalArgumentException("mixed case");
		}
		String lower = text.toLowerCase(Locale.ROOT);
		int separator = lower.lastIndexOf('1');
		if (separator < 1 || !lower.substring(0, separator).equals(hrp) || lower.length() - separator - 1 < 6) {
			throw new IllegalArgumentException("not a " + hrp + " key");
		}
		String rest = lower.substring(separator + 1);
		byte[] values = new byte[rest.length()];
		for (int i = 0; i < rest.length(); i++) {
			int v = CHARSET.indexOf(rest.charAt(i));
			if (v < 0) {
				throw new IllegalArgumentException("invalid character");
			}
			values[i] = (byte) v;
		}
		if (polymod(expand(hrp, values)) != 1) {
			throw new IllegalArgumentException("bad checksum");
		}
		byte[] data = new byte[values.length - 6];
		System.arraycopy(values, 0, data, 0, data.length);
		return convert(data, 5, 8, false);
	}

	private static byte[] checksum(String hrp, byte[] values) {
		byte[] expanded = expand(hrp, values);
		byte[] padded = new byte[expanded.length + 6];
		System.arraycopy(expanded, 0, padded, 0, expanded.length);
		int mod = polymod(padded) ^ 1;
		byte[] out = new byte[6];
		for (int i = 0; i < 6; i++) {
			out[i] = (byte) ((mod >>> (5 * (5 - i))) & 31);
		}
		return out;
	}

	private static byte[] expand(String hrp, byte[] values) {
		int n = hrp.length();
		byte[] out = new byte[n * 2 + 1 + values.length];
		for (int i = 0; i < n; i++) {
			out[i] = (byte) (hrp.charAt(i) >> 5);
			out[n + 1 + i] = (byte) (hrp.charAt(i) & 31);
		}
		System.arraycopy(values, 0, out, n * 2 + 1, values.length);
		return out;
	}

	private static int polymod(byte[] values) {
		int chk = 1;
		for (byte v : values) {
			int top = chk >>> 25;
			chk = ((chk & 0x1ffffff) << 5) ^ v;
			for (int i = 0; i < 5; i++) {
				if (((top >>> i) & 1) != 0) {
					chk ^= GENERATOR[i];
				}
			}
		}
		return chk;
	}

	private static byte[] convert(byte[] data, int from, int to, boolean pad) {
		int acc = 0;
		int bits = 0;
		int max = (1 << to) - 1;
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte b : data) {
			acc = (acc << from) | (b & ((1 << from) - 1));
			bits += from;
			while (bits >= to) {
				bits -= to;
				out.write((acc >>> bits) & max);
			}
		}
		if (pad) {
			if (bits > 0) {
				out.write((acc << (to - bits)) & max);
			}
		}
		else if (bits >= from || ((acc << (to - bits)) & max) != 0) {
			throw new IllegalArgumentException("invalid padding");
		}
		return out.toByteArray();
	}

}
