package dev.ferry.auth.mfa;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

import javax.crypto.spec.SecretKeySpec;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;

/**
 * RFC 6238 codes as authenticator apps make them: HMAC-SHA1, 6 digits, 30-second steps. A
 * code is accepted for the current step and one step either side (clock drift); the
 * caller records the matched step so the same code cannot be used twice.
 */
final class Totp {

	static final Duration STEP = Duration.ofSeconds(30);

	static final int DIGITS = 6;

	private static final int SECRET_BYTES = 20;

	private static final int DRIFT_STEPS = 1;

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final TimeBasedOneTimePasswordGenerator GENERATOR = new TimeBasedOneTimePasswordGenerator(STEP,
			DIGITS, TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA1);

	private Totp() {
	}

	static byte[] newSecret() {
		byte[] secret = new byte[SECRET_BYTES];
		RANDOM.nextBytes(secret);
		return secret;
	}

	static long step(Instant time) {
		return Math.floorDiv(time.getEpochSecond(), STEP.toSeconds());
	}

	/** The code for {@code time}. */
	static String code(byte[] secret, Instant time) {
		try {
			return GENERATOR.generateOneTimePasswordString(key(secret), time);
		}
		catch (InvalidKeyException ex) {
			throw new IllegalStateException("Unusable TOTP secret", ex);
		}
	}

	/**
	 * The step {@code code} belongs to, if it is valid near {@code now} and later than
	 * {@code lastStep}; checks every candidate step so the time taken does not tell which
	 * one matched.
	 */
	static OptionalLong match(byte[] secret, String code, Instant now, long lastStep) {
		String given = (code != null) ? code.replaceAll("\\s", "") : "";
		long current = step(now);
		long matched = -1;
		for (long step = current - DRIFT_STEPS; step <= current + DRIFT_STEPS; step++) {
			String expected = code(secret, Instant.ofEpochSecond(step * STEP.toSeconds()));
			if (MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
					given.getBytes(StandardCharsets.UTF_8)) && step > lastStep) {
				matched = step;
			}
		}
		return (matched >= 0) ? OptionalLong.of(matched) : OptionalLong.empty();
	}

	static String otpauthUri(String issuer, String account, byte[] secret) {
		String label = encode(issuer) + ":" + encode(account);
		return "otpauth://totp/" + label + "?secret=" + Base32.encode(secret) + "&issuer=" + encode(issuer)
				+ "&algorithm=SHA1&digits=" + DIGITS + "&period=" + STEP.toSeconds();
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
	}

	private static Key key(byte[] secret) {
		return new SecretKeySpec(secret, "HmacSHA1");
	}

}
