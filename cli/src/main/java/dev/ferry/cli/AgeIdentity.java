package dev.ferry.cli;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPrivateKeySpec;
import java.security.spec.XECPublicKeySpec;
import java.util.Base64;
import java.util.Locale;

import javax.crypto.KeyAgreement;

/**
 * An age X25519 identity ({@code AGE-SECRET-KEY-1…}) and its recipient ({@code age1…}),
 * with the X25519 stanza of age-encryption.org/v1: the file key wrapped under
 * HKDF-SHA-256(X25519(ephemeral, recipient), salt = ephemeral share || recipient, info
 * "age-encryption.org/v1/X25519") with ChaCha20-Poly1305 and a zero nonce. X25519 is the
 * JDK's XDH.
 */
final class AgeIdentity implements AgeKey {

	static final String STANZA = "X25519";

	private static final String LABEL = "age-encryption.org/v1/X25519";

	private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();

	private static final byte[] BASEPOINT = basepoint();

	private final byte[] scalar;

	private final byte[] publicKey;

	private AgeIdentity(byte[] scalar) {
		this.scalar = scalar;
		this.publicKey = x25519(scalar, BASEPOINT);
	}

	static AgeIdentity generate() {
		return new AgeIdentity(AgeCrypto.random(32));
	}

	static AgeIdentity parse(String text) {
		byte[] data;
		try {
			data = Bech32.decode("age-secret-key-", text.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new CliException(ExitCode.USAGE, "This is not an age identity (AGE-SECRET-KEY-1...).");
		}
		if (data.length != 32) {
			throw new CliException(ExitCode.USAGE, "This is not an age X25519 identity.");
		}
		return new AgeIdentity(data);
	}

	String recipient() {
		return Bech32.encode("age", publicKey);
	}

	String secret() {
		return Bech32.encode("age-secret-key-", scalar).toUpperCase(Locale.ROOT);
	}

	/**
	 * An X25519 stanza (without the leading "-> ") wrapping {@code fileKey} for
	 * {@code recipient}.
	 */
	static String wrap(String recipient, byte[] fileKey) {
		byte[] theirs = Bech32.decode("age", recipient);
		byte[] ephemeral = AgeCrypto.random(32);
		byte[] share = x25519(ephemeral, BASEPOINT);
		byte[] wrapKey = AgeCrypto.hkdf(x25519(ephemeral, theirs), AgeCrypto.concat(share, theirs), LABEL);
		byte[] body = AgeCrypto.seal(wrapKey, new byte[12], fileKey, fileKey.length);
		return STANZA + " " + B64.encodeToString(share) + "\n" + B64.encodeToString(body);
	}

	/** The file key in an X25519 stanza, or null when it is not for this identity. */
	@Override
	public byte[] unwrap(String[] args, byte[] body) {
		if (args.length != 2 || !STANZA.equals(args[0]) || body.length != 32) {
			return null;
		}
		byte[] share = Base64.getDecoder().decode(args[1]);
		if (share.length != 32) {
			return null;
		}
		byte[] shared;
		try {
			shared = x25519(scalar, share);
		}
		catch (IllegalStateException ex) {
			return null;
		}
		byte[] wrapKey = AgeCrypto.hkdf(shared, AgeCrypto.concat(share, publicKey), LABEL);
		return AgeCrypto.open(wrapKey, new byte[12], body, body.length);
	}

	@Override
	public String noStanzaFits() {
		return "This key does not open the file (no recipient stanza fits it).";
	}

	/** X25519(scalar, u): the JDK refuses an all-zero result, as age requires. */
	private static byte[] x25519(byte[] scalar, byte[] u) {
		try {
			KeyFactory factory = KeyFactory.getInstance("XDH");
			PrivateKey mine = factory.generatePrivate(new XECPrivateKeySpec(NamedParameterSpec.X25519, scalar));
			byte[] le = u.clone();
			le[31] &= 0x7f;
			PublicKey theirs = factory
				.generatePublic(new XECPublicKeySpec(NamedParameterSpec.X25519, new BigInteger(1, reverse(le))));
			KeyAgreement agreement = KeyAgreement.getInstance("XDH");
			agreement.init(mine);
			agreement.doPhase(theirs, true);
			return agreement.generateSecret();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] reverse(byte[] bytes) {
		byte[] out = new byte[bytes.length];
		for (int i = 0; i < bytes.length; i++) {
			out[i] = bytes[bytes.length - 1 - i];
		}
		return out;
	}

	private static byte[] basepoint() {
		byte[] u = new byte[32];
		u[0] = 9;
		return u;
	}

	@Override
	public String toString() {
		return "AgeIdentity[" + recipient() + "]";
	}

}
