package dev.ferry.cli;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.bouncycastle.crypto.generators.SCrypt;

/**
 * age's passphrase recipient, the scrypt stanza of age-encryption.org/v1 (what
 * {@code age -p} and the web UI's passphrase mode write): the file key sealed with
 * ChaCha20-Poly1305 and a zero nonce under scrypt(passphrase,
 * "age-encryption.org/v1/scrypt" || 16-byte salt, N = 2^logN, r = 8, p = 1). Sealing uses
 * age's own work factor 18 (256 MiB, about a second); opening accepts up to 20, so a
 * hostile header cannot make the CLI allocate gigabytes.
 */
final class AgePassphrase implements AgeKey {

	static final String STANZA = "scrypt";

	static final int WORK_FACTOR = 18;

	static final int MAX_WORK_FACTOR = 20;

	private static final String LABEL = "age-encryption.org/v1/scrypt";

	private final byte[] passphrase;

	AgePassphrase(String passphrase) {
		this.passphrase = passphrase.getBytes(StandardCharsets.UTF_8);
	}

	/** The scrypt stanza (without the leading "-> ") wrapping {@code fileKey}. */
	String wrap(byte[] fileKey) {
		byte[] salt = AgeCrypto.random(16);
		byte[] body = AgeCrypto.seal(key(salt, WORK_FACTOR), new byte[12], fileKey, fileKey.length);
		Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
		return STANZA + " " + b64.encodeToString(salt) + " " + WORK_FACTOR + "\n" + b64.encodeToString(body);
	}

	@Override
	public byte[] unwrap(String[] args, byte[] body) {
		if (args.length != 3 || !STANZA.equals(args[0]) || body.length != 32) {
			return null;
		}
		byte[] salt = Base64.getDecoder().decode(args[1]);
		if (salt.length != 16 || !args[2].matches("[1-9][0-9]?")) {
			throw new CliException(ExitCode.VERIFY,
					"The encrypted file cannot be opened: its scrypt stanza is malformed.");
		}
		int workFactor = Integer.parseInt(args[2]);
		if (workFactor > MAX_WORK_FACTOR) {
			throw new CliException(ExitCode.VERIFY, "The encrypted file asks for an scrypt work factor of " + workFactor
					+ " (at most " + MAX_WORK_FACTOR + " here); open it with age -d.");
		}
		byte[] fileKey = AgeCrypto.open(key(salt, workFactor), new byte[12], body, body.length);
		if (fileKey == null) {
			throw new CliException(ExitCode.AUTH, "This passphrase does not open the files.");
		}
		return fileKey;
	}

	@Override
	public String noStanzaFits() {
		return "These files are not encrypted with a passphrase; open them with the link's key (--identity).";
	}

	private byte[] key(byte[] salt, int workFactor) {
		byte[] label = LABEL.getBytes(StandardCharsets.US_ASCII);
		return SCrypt.generate(passphrase, AgeCrypto.concat(label, salt), 1 << workFactor, 8, 1, 32);
	}

}
