package dev.ferry.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;

/**
 * Reads an age file (age-encryption.org/v1) with an X25519 identity or a passphrase,
 * streaming: the header is parsed (stanzas of any type, e.g. age's grease, are skipped
 * unless one is ours), its MAC checked, then each 64 KiB STREAM chunk is authenticated
 * before its plaintext is written. A damaged or truncated file fails with a sentence,
 * never with partial output passed off as complete (the caller writes to a temporary
 * file).
 */
final class AgeDecrypt {

	private static final int SEALED = AgeCrypto.CHUNK + AgeCrypto.TAG;

	private static final Base64.Decoder B64 = Base64.getDecoder();

	private AgeDecrypt() {
	}

	static void decrypt(InputStream source, AgeKey key, OutputStream out) throws IOException {
		PushbackInputStream in = new PushbackInputStream(source, 1);
		if (!AgeCrypto.MAGIC.equals(line(in))) {
			throw damaged("this is not an age file");
		}
		ByteArrayOutputStream header = new ByteArrayOutputStream();
		header.write((AgeCrypto.MAGIC + "\n").getBytes(StandardCharsets.US_ASCII));
		byte[] fileKey = null;
		int stanzas = 0;
		boolean scrypt = false;
		String line = line(in);
		while (line.startsWith("-> ")) {
			stanzas++;
			header.write((line + "\n").getBytes(StandardCharsets.US_ASCII));
			String[] args = line.substring(3).split(" ");
			scrypt |= AgePassphrase.STANZA.equals(args[0]);
			ByteArrayOutputStream body = new ByteArrayOutputStream();
			String bodyLine;
			do {
				bodyLine = line(in);
				header.write((bodyLine + "\n").getBytes(StandardCharsets.US_ASCII));
				body.write(decode(bodyLine));
			}
			while (bodyLine.length() == 64);
			if (fileKey == null) {
				fileKey = key.unwrap(args, body.toByteArray());
			}
			line = line(in);
		}
		if (!line.startsWith("--- ")) {
			throw damaged("its header is malformed");
		}
		// age: a passphrase stanza must stand alone, or a recipient could swap the file
		// key
		if (scrypt && stanzas > 1) {
			throw damaged("its scrypt stanza is not the only one");
		}
		if (fileKey == null) {
			throw new CliException(ExitCode.AUTH, scrypt
					? "This file is encrypted with a passphrase: give it with --passphrase." : key.noStanzaFits());
		}
		header.write("---".getBytes(StandardCharsets.US_ASCII));
		byte[] mac = AgeCrypto.hmac(AgeCrypto.hkdf(fileKey, new byte[0], "header"), header.toByteArray());
		if (!MessageDigest.isEqual(mac, decode(line.substring(4)))) {
			throw damaged("its header MAC does not match");
		}
		byte[] nonce = in.readNBytes(AgeCrypto.NONCE);
		if (nonce.length != AgeCrypto.NONCE) {
			throw damaged("it is truncated");
		}
		payload(in, AgeCrypto.hkdf(fileKey, nonce, "payload"), out);
		Arrays.fill(fileKey, (byte) 0);
	}

	private static void payload(PushbackInputStream in, byte[] key, OutputStream out) throws IOException {
		byte[] sealed = new byte[SEALED];
		for (long counter = 0;; counter++) {
			int n = in.readNBytes(sealed, 0, SEALED);
			int next = (n == SEALED) ? in.read() : -1;
			boolean last = next < 0;
			if (!last) {
				in.unread(next);
			}
			if (n < AgeCrypto.TAG || (last && n == AgeCrypto.TAG && counter > 0)) {
				throw damaged("it is truncated");
			}
			byte[] plain = AgeCrypto.open(key, AgeCrypto.chunkNonce(counter, last), sealed, n);
			if (plain == null) {
				throw damaged("chunk " + counter + " does not authenticate");
			}
			out.write(plain);
			if (last) {
				return;
			}
		}
	}

	/** One header line (LF-terminated, at most a few KiB: a header is small). */
	private static String line(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		for (int b = in.read(); b != '\n'; b = in.read()) {
			if (b < 0 || line.size() > 4096) {
				throw damaged("its header is malformed");
			}
			line.write(b);
		}
		return line.toString(StandardCharsets.US_ASCII);
	}

	private static byte[] decode(String text) {
		if (text.endsWith("=")) {
			throw damaged("its header is malformed");
		}
		try {
			return B64.decode(text);
		}
		catch (IllegalArgumentException ex) {
			throw damaged("its header is malformed");
		}
	}

	private static CliException damaged(String why) {
		return new CliException(ExitCode.VERIFY, "The encrypted file cannot be opened: " + why + ".");
	}

}
