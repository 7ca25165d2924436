package dev.ferry.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * Writes an age file (age-encryption.org/v1) for X25519 recipients, as {@code age -r}
 * does, or for a passphrase, as {@code age -p} does: a random 16-byte file key, one
 * stanza per recipient, the header MAC, the 16-byte nonce, then the payload in 64 KiB
 * ChaCha20-Poly1305 STREAM chunks. Streams: at most one chunk is held.
 */
final class AgeEncrypt extends OutputStream {

	private final OutputStream out;

	private final byte[] payloadKey;

	private final byte[] chunk = new byte[AgeCrypto.CHUNK];

	private int filled;

	private long counter;

	private boolean closed;

	AgeEncrypt(OutputStream out, List<String> recipients) throws IOException {
		this(out, (fileKey) -> recipients.stream().map((recipient) -> AgeIdentity.wrap(recipient, fileKey)).toList());
	}

	AgeEncrypt(OutputStream out, AgePassphrase passphrase) throws IOException {
		this(out, (fileKey) -> List.of(passphrase.wrap(fileKey)));
	}

	private AgeEncrypt(OutputStream out, Function<byte[], List<String>> stanzas) throws IOException {
		this.out = out;
		byte[] fileKey = AgeCrypto.random(16);
		StringBuilder header = new StringBuilder(AgeCrypto.MAGIC).append('\n');
		for (String stanza : stanzas.apply(fileKey)) {
			header.append("-> ").append(stanza).append('\n');
		}
		header.append("---");
		byte[] mac = AgeCrypto.hmac(AgeCrypto.hkdf(fileKey, new byte[0], "header"),
				header.toString().getBytes(StandardCharsets.US_ASCII));
		header.append(' ').append(Base64.getEncoder().withoutPadding().encodeToString(mac)).append('\n');
		out.write(header.toString().getBytes(StandardCharsets.US_ASCII));
		byte[] nonce = AgeCrypto.random(AgeCrypto.NONCE);
		out.write(nonce);
		this.payloadKey = AgeCrypto.hkdf(fileKey, nonce, "payload");
		Arrays.fill(fileKey, (byte) 0);
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
			if (filled == AgeCrypto.CHUNK) {
				seal(false);
			}
			int n = Math.min(left, AgeCrypto.CHUNK - filled);
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
		out.close();
	}

	private void seal(boolean last) throws IOException {
		out.write(AgeCrypto.seal(payloadKey, AgeCrypto.chunkNonce(counter++, last), chunk, filled));
		filled = 0;
	}

}
