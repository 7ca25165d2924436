package dev.ferry.auth.device;

import java.security.SecureRandom;
import java.util.Locale;

import dev.ferry.crypto.SecureTokens;

/**
 * User codes as RFC 8628 section 6.1 suggests: eight letters from an alphabet without
 * vowels (no words) and without look-alikes, shown as {@code BCDF-GHJK}; 20^8 (about 34
 * bits) is plenty for a code that lives minutes behind a guessing limit. Stored hashed;
 * what the user types is normalized first (case, dashes and spaces do not matter).
 */
final class UserCodes {

	private static final String ALPHABET = "BCDFGHJKLMNPQRSTVWXZ";

	private static final int LENGTH = 8;

	private static final SecureRandom RANDOM = new SecureRandom();

	private UserCodes() {
	}

	static String generate() {
		StringBuilder code = new StringBuilder(LENGTH + 1);
		for (int i = 0; i < LENGTH; i++) {
			if (i == LENGTH / 2) {
				code.append('-');
			}
			code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return code.toString();
	}

	/** The hash of a typed code, or null when it cannot be one of ours. */
	static String hash(String typed) {
		String normalized = typed.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "");
		if (normalized.length() != LENGTH || !normalized.chars().allMatch((c) -> ALPHABET.indexOf(c) >= 0)) {
			return null;
		}
		return SecureTokens.hash(normalized);
	}

}
